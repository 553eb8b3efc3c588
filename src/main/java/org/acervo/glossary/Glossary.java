package org.acervo.glossary;

import java.text.Collator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.acervo.model.Page;
import org.acervo.model.PageKind;
import org.acervo.util.Slugs;

/**
 * The site's glossary: every entry of {@code content/glossary/}, per language, in
 * alphabetical order of the language. A term may exist in one language only; it then links
 * only in pages of that language.
 */
public final class Glossary {
    /** The content folder that holds the glossary. */
    public static final String SECTION = "glossary";

    private final Map<String, List<GlossaryEntry>> byLang;
    private final Map<String, GlossaryEntry> byLangAndId = new java.util.HashMap<>(); // "lang|id": linking looks terms up per match

    private Glossary(Map<String, List<GlossaryEntry>> byLang) {
        this.byLang = byLang;
        byLang.forEach((lang, list) -> list.forEach(e -> byLangAndId.putIfAbsent(lang + "|" + e.id(), e)));
    }

    /**
     * Reads the entries from pages; definitions come from descriptions, else from the first sentence of the rendered first
     * paragraph ({@link #shortDefinition}).
     */
    public static Glossary of(Collection<Page> pages, List<String> languages) {
        Map<String, List<GlossaryEntry>> byLang = new LinkedHashMap<>();
        for (String lang : languages) byLang.put(lang, new ArrayList<>());
        for (Page p : pages) {
            if (!isEntry(p) || !byLang.containsKey(p.lang())) continue;
            String definition = p.description().isBlank() ? shortDefinition(p.content().summary(), p.lang()) : p.description();
            byLang.get(p.lang()).add(new GlossaryEntry(idOf(p), p.lang(), p.title(), strings(p.params().get("synonyms")),
                    strings(p.params().get("abbr")), "/" + p.path(), definition, p));
        }
        for (Map.Entry<String, List<GlossaryEntry>> e : byLang.entrySet()) {
            Collator collator = Collator.getInstance(Locale.forLanguageTag(e.getKey()));
            collator.setStrength(Collator.PRIMARY);
            e.getValue().sort(Comparator.comparing(GlossaryEntry::title, collator).thenComparing(GlossaryEntry::id));
            e.setValue(List.copyOf(e.getValue()));
        }
        return new Glossary(byLang);
    }

    /** The longest short definition taken from a paragraph; a description written by the editor is used whole. */
    static final int SHORT_DEFINITION = 200;

    /**
     * The first sentence of a paragraph, cut at a word and ended with an ellipsis when it is longer than
     * {@value #SHORT_DEFINITION} characters: every page that uses the term carries it (a dictionary's definition is its
     * first sentence; what follows is explanation), and the whole text is one link away on the term's page.
     */
    static String shortDefinition(String paragraph, String lang) {
        String text = paragraph.strip();
        java.text.BreakIterator sentences = java.text.BreakIterator.getSentenceInstance(Locale.forLanguageTag(lang));
        sentences.setText(text);
        int end = sentences.next();
        if (end != java.text.BreakIterator.DONE && end <= SHORT_DEFINITION) return text.substring(0, end).strip();
        if (text.length() <= SHORT_DEFINITION) return text;
        int cut = text.lastIndexOf(' ', SHORT_DEFINITION - 1);
        return text.substring(0, cut > 0 ? cut : SHORT_DEFINITION - 1).strip() + "…";
    }

    /** True for a term page: a single page in the glossary folder. */
    public static boolean isEntry(Page p) {
        return p.kind() == PageKind.SINGLE && p.section().equals(SECTION);
    }

    /** The term's id: the last part of its content path, the same in every language. */
    public static String idOf(Page p) {
        String tp = p.source().translationPath();
        return tp.substring(tp.lastIndexOf('/') + 1);
    }

    public List<GlossaryEntry> entries(String lang) {
        return byLang.getOrDefault(lang, List.of());
    }

    public List<String> languages() {
        return List.copyOf(byLang.keySet());
    }

    public boolean isEmpty() {
        return byLang.values().stream().allMatch(List::isEmpty);
    }

    public Optional<GlossaryEntry> find(String id, String lang) {
        return Optional.ofNullable(byLangAndId.get(lang + "|" + id));
    }

    /**
     * The entry an editor means by {@code ref}: its id, or any written form (title, synonym,
     * abbreviation; any case and accents), first in {@code lang}, then in the other languages.
     */
    public Optional<GlossaryEntry> lookup(String ref, String lang) {
        String folded = Slugs.slugify(ref);
        List<String> order = new ArrayList<>();
        order.add(lang);
        byLang.keySet().stream().filter(l -> !l.equals(lang)).forEach(order::add);
        for (String l : order) {
            for (GlossaryEntry e : entries(l)) if (e.id().equals(ref)) return Optional.of(e);
        }
        for (String l : order) {
            for (GlossaryEntry e : entries(l)) {
                if (Slugs.slugify(e.id()).equals(folded)) return Optional.of(e);
                for (String f : e.forms()) if (Slugs.slugify(f).equals(folded)) return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Every id and form, for suggestions when a reference matches nothing. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (List<GlossaryEntry> l : byLang.values()) for (GlossaryEntry e : l) {
            out.add(e.id());
            out.addAll(e.forms());
        }
        return out.stream().distinct().toList();
    }

    /** A letter of the A to Z index and its entries. */
    public record Letter(String letter, String anchor, List<GlossaryEntry> entries) {}

    private final Map<String, List<Letter>> letters = new java.util.concurrent.ConcurrentHashMap<>();

    /** Everything linking depends on (ids, forms, paths, definitions), as text: equal signatures link pages alike. */
    public String signature() {
        StringBuilder b = new StringBuilder();
        byLang.forEach((lang, list) -> list.forEach(e -> b.append(lang).append('|').append(e.id()).append('|').append(e.title())
                .append('|').append(e.synonyms()).append('|').append(e.abbr()).append('|').append(e.path()).append('|')
                .append(e.definition()).append('\n')));
        return b.toString();
    }

    /** The entries of a language grouped by initial letter (accents folded; Spanish keeps Ñ apart); made once per language. */
    public List<Letter> letters(String lang) {
        return letters.computeIfAbsent(lang, this::group);
    }

    private List<Letter> group(String lang) {
        Map<String, List<GlossaryEntry>> groups = new TreeMap<>(Collator.getInstance(Locale.forLanguageTag(lang)));
        for (GlossaryEntry e : entries(lang)) groups.computeIfAbsent(initial(e.title()), k -> new ArrayList<>()).add(e);
        List<Letter> out = new ArrayList<>();
        groups.forEach((letter, list) -> out.add(new Letter(letter, "letter-" + Slugs.slugify(letter.equals("Ñ") ? "n-tilde" : letter), list)));
        return List.copyOf(out); // shared by every page that shows it
    }

    static String initial(String title) {
        String t = title.strip();
        if (t.isEmpty()) return "#";
        int cp = t.codePointAt(0);
        String first = new String(Character.toChars(cp)).toUpperCase(Locale.ROOT);
        if (first.equals("Ñ")) return first;
        String folded = Normalizer.normalize(first, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return Character.isLetter(folded.codePointAt(0)) ? folded : "#";
    }

    /**
     * Reports the entries whose other written forms ({@code synonyms}, {@code abbr}) are not a word or a list of words: a
     * mapping (one language's forms beside another's, say) would otherwise be read as a single odd word.
     */
    public static void checkForms(List<Page> pages, org.acervo.problem.Problems problems) {
        for (Page p : pages) {
            if (!isEntry(p)) continue;
            for (String key : List.of("synonyms", "abbr")) {
                Object v = p.params().get(key);
                if (v == null || word(v) || v instanceof Collection<?> c && c.stream().allMatch(o -> o == null || word(o))) continue;
                problems.error(p.meta().where(key, org.acervo.problem.SourceLocation.at(p.source().shown(), 1)),
                        "'" + key + "' must be a word or a list of words, not " + (v instanceof Map<?, ?> ? "a mapping" : "a list of lists or mappings"),
                        "write " + key + ": [one form, another form]; each language's entry is its own file, with its own " + key);
            }
        }
    }

    private static boolean word(Object o) {
        return o instanceof String || o instanceof Number || o instanceof Boolean;
    }

    private static List<String> strings(Object value) {
        if (value == null) return List.of();
        if (value instanceof Collection<?> c) {
            return c.stream().filter(o -> o != null && !o.toString().isBlank()).map(o -> o.toString().strip()).toList();
        }
        String s = value.toString().strip();
        return s.isEmpty() ? List.of() : List.of(s);
    }
}
