package org.acervo.markdown;

import java.util.Optional;

/**
 * Finds Markdown nested deeper than any real page needs (quotes in quotes, lists in lists).
 * The Markdown parser and renderer recurse once per level, so thousands of {@code >} or
 * {@code -} on a line would overflow the stack; such text is reported at its line instead.
 */
final class NestingLimit {
    /** Far beyond what an editor writes; far below what overflows a thread's stack. */
    static final int MAX_DEPTH = 100;

    private NestingLimit() {}

    /** A line (0-based within {@code body}) and its depth, for the first line nested deeper than {@link #MAX_DEPTH}. */
    record TooDeep(int line, int depth) {}

    static Optional<TooDeep> check(String body) {
        boolean inFence = false;
        int lineNo = 0;
        int start = 0;
        while (start <= body.length()) {
            int nl = body.indexOf('\n', start);
            int end = nl < 0 ? body.length() : nl;
            int depth = 0;
            int i = start;
            int columns = 0;
            boolean container = false;
            while (i < end) {
                char c = body.charAt(i);
                if (c == ' ') {
                    columns++;
                    i++;
                } else if (c == '\t') {
                    columns += 4;
                    i++;
                } else if (c == '>') {
                    depth++;
                    container = true;
                    i++;
                } else if ((c == '-' || c == '*' || c == '+') && (i + 1 == end || body.charAt(i + 1) == ' ' || body.charAt(i + 1) == '\t')) {
                    depth++;
                    container = true;
                    i++;
                } else if (Character.isDigit(c)) {
                    int j = i;
                    while (j < end && j - i < 9 && Character.isDigit(body.charAt(j))) j++;
                    if (j < end && (body.charAt(j) == '.' || body.charAt(j) == ')') && (j + 1 == end || body.charAt(j + 1) == ' ')) {
                        depth++;
                        container = true;
                        i = j + 1;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            boolean fence = body.startsWith("```", i) || body.startsWith("~~~", i);
            if (fence) inFence = !inFence;
            // indentation before list items and quotes nests them too (about two columns a level)
            if (!inFence && !fence && container) depth += columns / 2;
            if (!inFence && depth > MAX_DEPTH) return Optional.of(new TooDeep(lineNo, depth));
            if (nl < 0) break;
            start = nl + 1;
            lineNo++;
        }
        return Optional.empty();
    }
}
