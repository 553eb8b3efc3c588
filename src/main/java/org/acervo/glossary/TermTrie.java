package org.acervo.glossary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trie over analysed tokens: each path from the root spells a term (or a synonym or an
 * abbreviation) as its sequence of analysed words. Finding every term in a text is then one
 * walk per token, whatever the number of terms, instead of one regular expression per term.
 */
final class TermTrie {
    private final Node root = new Node();

    private static final class Node {
        final Map<String, Node> next = new HashMap<>(4);
        String id; // the term ending here, if any
    }

    /** A term found in a token list: tokens {@code from} (inclusive) to {@code to} (exclusive). */
    record Match(String id, int from, int to) {}

    /** Adds a form; the first term to claim a form keeps it. */
    void add(List<String> tokens, String id) {
        if (tokens.isEmpty()) return;
        Node n = root;
        for (String t : tokens) n = n.next.computeIfAbsent(t, k -> new Node());
        if (n.id == null) n.id = id;
    }

    boolean isEmpty() {
        return root.next.isEmpty();
    }

    /**
     * The longest term starting at token {@code from}, or null. {@code joined[i]} says whether
     * token i and token i+1 may belong to one term (nothing but spaces or hyphens between them).
     */
    Match longestAt(List<TermAnalyzers.Token> tokens, boolean[] joined, int from) {
        Node n = root;
        Match best = null;
        for (int i = from; i < tokens.size(); i++) {
            if (i > from && !joined[i - 1]) break;
            n = n.next.get(tokens.get(i).term());
            if (n == null) break;
            if (n.id != null) best = new Match(n.id, from, i + 1);
        }
        return best;
    }
}
