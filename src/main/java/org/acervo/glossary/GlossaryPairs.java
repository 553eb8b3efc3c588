package org.acervo.glossary;

import java.util.ArrayList;
import java.util.List;
import org.acervo.build.OutputFile;
import org.acervo.util.Json;

/**
 * Writes {@code <lang>/glossary-pairs.json} for each language: every term of that language
 * with its written forms (title, synonyms, abbreviations) in every language where the term
 * exists, so that search can expand a query across languages:
 * <pre>
 * {"version":1,"lang":"es","terms":[
 *   {"id":"cadastre","path":"/es/glosario/catastro/",
 *    "forms":{"es":["Catastro","registro catastral"],"en":["Cadastre","cadastral register"]}}]}
 * </pre>
 * Paths are site paths (from the output root, starting with "/").
 */
public final class GlossaryPairs {
    private final Glossary glossary;

    public GlossaryPairs(Glossary glossary) {
        this.glossary = glossary;
    }

    public List<OutputFile> files() {
        List<OutputFile> out = new ArrayList<>();
        for (String lang : glossary.languages()) {
            StringBuilder b = new StringBuilder("{\"version\":1,\"lang\":").append(Json.string(lang)).append(",\"terms\":[");
            boolean first = true;
            for (GlossaryEntry e : glossary.entries(lang)) {
                if (!first) b.append(',');
                first = false;
                b.append("{\"id\":").append(Json.string(e.id())).append(",\"path\":").append(Json.string(e.path())).append(",\"forms\":{");
                boolean firstLang = true;
                for (String l : glossary.languages()) {
                    var entry = glossary.find(e.id(), l);
                    if (entry.isEmpty()) continue;
                    if (!firstLang) b.append(',');
                    firstLang = false;
                    b.append(Json.string(l)).append(":[");
                    List<String> forms = entry.get().forms();
                    for (int i = 0; i < forms.size(); i++) b.append(i > 0 ? "," : "").append(Json.string(forms.get(i)));
                    b.append(']');
                }
                b.append("}}");
            }
            b.append("]}\n");
            out.add(OutputFile.text(lang + "/glossary-pairs.json", b.toString()));
        }
        return out;
    }
}
