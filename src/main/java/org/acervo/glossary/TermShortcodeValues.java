package org.acervo.glossary;

import java.util.Map;
import java.util.Optional;
import org.acervo.markdown.Shortcode;
import org.acervo.model.Page;
import org.acervo.problem.Problems;
import org.acervo.problem.Suggestions;
import org.acervo.render.ShortcodeValues;

/**
 * For {@code {{< term "cadastre" >}}} and {@code {{< term "cadastre" "the land register" >}}}:
 * finds the entry (by id, title, synonym or abbreviation; in the page's language first) and
 * gives the template {@code term} (id, title, path, lang) and {@code text}. An unknown term
 * is an error at the shortcode's line with the nearest term.
 */
public final class TermShortcodeValues implements ShortcodeValues {
    private final Glossary glossary;
    private final Problems problems;

    public TermShortcodeValues(Glossary glossary, Problems problems) {
        this.glossary = glossary;
        this.problems = problems;
    }

    @Override
    public Optional<Map<String, Object>> values(Shortcode sc, Page page) {
        String ref = sc.arg("id", 0).strip();
        if (ref.isEmpty()) {
            problems.error(sc.where(), "the term shortcode needs the term", "write {{< term \"cadastre\" >}} or {{< term \"cadastre\" \"text to show\" >}}");
            return Optional.empty();
        }
        Optional<GlossaryEntry> entry = glossary.lookup(ref, page.lang());
        if (entry.isEmpty()) {
            problems.error(sc.where(), "no glossary term '" + ref + "'",
                    Suggestions.nearest(ref, glossary.names()).map(s -> "did you mean '" + s + "'? ").orElse("")
                            + "terms are the pages of content/" + Glossary.SECTION + "/");
            return Optional.empty();
        }
        GlossaryEntry e = entry.get();
        String text = sc.arg("text", 1);
        return Optional.of(Map.of("term", Map.of("id", e.id(), "title", e.title(), "path", e.path(), "lang", e.lang()),
                "text", text.isBlank() ? e.title() : text));
    }
}
