package org.acervo.glossary;

import java.util.ArrayList;
import java.util.List;
import org.acervo.model.Page;

/**
 * One glossary term in one language, read from a page of {@code content/glossary/}.
 *
 * @param id         the term's file name ({@code cadastre}), shared by its translations;
 *                   the value of {@code a[data-term]}
 * @param title      the term as written ({@code Catastro})
 * @param synonyms   front matter {@code synonyms}
 * @param abbr       front matter {@code abbr} (one or several abbreviations), may be empty
 * @param path       site path of the term's page ({@code /es/glosario/catastro/})
 * @param definition short definition: the page's description, else its first paragraph
 * @param page       the term's page
 */
public record GlossaryEntry(String id, String lang, String title, List<String> synonyms, List<String> abbr, String path,
                            String definition, Page page) {
    public GlossaryEntry {
        synonyms = List.copyOf(synonyms);
        abbr = List.copyOf(abbr);
    }

    /** Every written form that should link to the term: title, synonyms, abbreviations. */
    public List<String> forms() {
        List<String> out = new ArrayList<>();
        out.add(title);
        out.addAll(synonyms);
        out.addAll(abbr);
        return out;
    }
}
