package org.acervo.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acervo.glossary.Glossary;
import org.acervo.glossary.GlossaryEntry;

/**
 * The glossary's translations as analysed terms, for expanding a query across languages: a
 * reader who searches "catastro" in Spanish also finds English pages that say "cadastre".
 * For each language and each other language, every written form of a term (title, synonyms,
 * abbreviations), analysed as the index analyses that language, maps to the forms of the same
 * term in the other language, analysed as the other language's index does. A form of several
 * words is its terms joined by a space.
 */
final class GlossaryTermPairs {
    private GlossaryTermPairs() {}

    /** language -> other language -> analysed form -> analysed forms in the other language. */
    static Map<String, Map<String, Map<String, List<String>>>> of(Glossary glossary) {
        Map<String, SearchAnalyzer> analyzers = new LinkedHashMap<>();
        for (String lang : glossary.languages()) analyzers.put(lang, SearchAnalyzer.forLanguage(lang));
        Map<String, Map<String, Map<String, List<String>>>> out = new LinkedHashMap<>();
        for (String lang : glossary.languages()) {
            Map<String, Map<String, List<String>>> byOther = new LinkedHashMap<>();
            for (String other : glossary.languages()) {
                if (other.equals(lang)) continue;
                Map<String, List<String>> pairs = new LinkedHashMap<>();
                for (GlossaryEntry e : glossary.entries(lang)) {
                    Optional<GlossaryEntry> t = glossary.find(e.id(), other);
                    if (t.isEmpty()) continue;
                    List<String> translated = analysed(t.get().forms(), analyzers.get(other));
                    for (String key : analysed(e.forms(), analyzers.get(lang))) {
                        List<String> list = pairs.computeIfAbsent(key, k -> new ArrayList<>());
                        translated.stream().filter(f -> !list.contains(f)).forEach(list::add);
                    }
                }
                if (!pairs.isEmpty()) byOther.put(other, pairs);
            }
            out.put(lang, byOther);
        }
        return out;
    }

    private static List<String> analysed(List<String> forms, SearchAnalyzer analyzer) {
        List<String> out = new ArrayList<>();
        for (String f : forms) {
            String terms = String.join(" ", analyzer.terms(f));
            if (!terms.isEmpty() && !out.contains(terms)) out.add(terms);
        }
        return out;
    }
}
