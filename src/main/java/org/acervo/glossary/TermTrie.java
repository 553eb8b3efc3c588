package org.acervo.glossary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trie over analysed tokens: each path from the root spells a term (or a synonym or an
 * abbreviation) as its sequence of analysed words. Finding every term in a text is then one
 * walk per token, whatever the number of terms, instead of one regular expression per term.
 *
 * <p>Most forms match whatever their case and inflection. A few must be found as written (see
 * {@link Form#asWritten}), because their analysed words say less than the form: "+1" is the
 * token "1", "C++" the token "c", and "IT", "R" or "S" would link every "it", "r" or "s".
 */
final class TermTrie {
    private final Node root = new Node();

    private static final class Node {
        final Map<String, Node> next = new HashMap<>(4);
        final List<Form> forms = new ArrayList<>(1); // the terms ending here, first claim first
    }

    /**
     * One written form of a term. {@code lead} and {@code trail} are the characters of the form before its first word
     * and after its last ("+" of "+1", "++" of "C++"), which must surround the words found in a text.
     */
    record Form(String id, String written, boolean exactCase, boolean asWritten, int lead, int trail) {
        /**
         * A form of at most two letters or digits in all, or with signs its words leave out (anything but letters,
         * digits, spaces, hyphens, apostrophes and full stops), is only found as written; one of at most two letters or
         * digits only in the same case too ("IT" is not "it"). {@code w} is the form as written, stripped, and
         * {@code tokens} its analysed words.
         */
        static Form of(String id, String w, List<TermAnalyzers.Token> tokens) {
            int letters = 0;
            boolean signs = false;
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (Character.isLetterOrDigit(c)) letters++;
                else if (!Character.isWhitespace(c) && "-\u2010\u2011'\u2019.".indexOf(c) < 0) signs = true;
            }
            boolean exactCase = letters <= 2;
            int lead = tokens.isEmpty() ? 0 : tokens.get(0).start();
            int trail = tokens.isEmpty() ? 0 : w.length() - tokens.get(tokens.size() - 1).end();
            return new Form(id, w, exactCase, signs || exactCase, lead, trail);
        }

        /** Whether the words {@code start} to {@code end} of {@code text}, with this form's signs around them, are this form. */
        boolean foundIn(String text, int start, int end) {
            if (!asWritten) return true;
            int from = start - lead;
            int to = end + trail;
            if (from < 0 || to > text.length()) return false;
            String found = spaced(text.substring(from, to));
            String form = spaced(written);
            // a possessive is the form too ("R's syntax"): the tokenizer keeps it in the word
            if (trail == 0 && (found.endsWith("'s") || found.endsWith("\u2019s")) && found.length() == form.length() + 2) {
                found = found.substring(0, form.length());
            }
            return exactCase ? found.equals(form) : found.equalsIgnoreCase(form);
        }

        private static String spaced(String s) {
            return s.replaceAll("\\s+", " ");
        }
    }

    /**
     * A term found in a token list: tokens {@code from} (inclusive) to {@code to} (exclusive), and the characters of its
     * signs before and after them ({@code lead}, {@code trail}), which belong to the link too.
     */
    record Match(String id, int from, int to, int lead, int trail) {}

    /** Adds a form; of the forms with the same words, the first that is found in a text is the one linked. */
    void add(List<TermAnalyzers.Token> tokens, Form form) {
        if (tokens.isEmpty()) return;
        Node n = root;
        for (TermAnalyzers.Token t : tokens) n = n.next.computeIfAbsent(t.term(), k -> new Node());
        // a form found whatever its case claims its words for good: later forms of the same words would never be tried
        if (n.forms.stream().noneMatch(f -> !f.asWritten())) n.forms.add(form);
    }

    boolean isEmpty() {
        return root.next.isEmpty();
    }

    /**
     * The longest term starting at token {@code from} of {@code text}, or null. {@code joined[i]} says whether token i
     * and token i+1 may belong to one term (nothing but spaces or hyphens between them).
     */
    Match longestAt(String text, List<TermAnalyzers.Token> tokens, boolean[] joined, int from) {
        Node n = root;
        Match best = null;
        for (int i = from; i < tokens.size(); i++) {
            if (i > from && !joined[i - 1]) break;
            n = n.next.get(tokens.get(i).term());
            if (n == null) break;
            for (Form f : n.forms) {
                if (f.foundIn(text, tokens.get(from).start(), tokens.get(i).end())) {
                    best = f.asWritten() ? new Match(f.id(), from, i + 1, f.lead(), f.trail()) : new Match(f.id(), from, i + 1, 0, 0);
                    break;
                }
            }
        }
        return best;
    }
}
