package org.acervo.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.acervo.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The glossary's translations in each language's search manifest, analysed as each index analyses its language. */
class GlossaryTermPairsTest {
    @TempDir
    Path dir;

    @Test
    void everyFormOfATermPairsWithEveryFormOfItsTranslation() {
        TestSite site = TestSite.create(dir, """
                -- content/knowledge/parcels.en.md --
                ---
                title: Parcels
                ---
                Land parcels.
                -- content/glossary/cadastre.es.md --
                ---
                title: Catastro
                synonyms: [registro catastral]
                ---
                El inventario de los inmuebles.
                -- content/glossary/cadastre.en.md --
                ---
                title: Cadastre
                synonyms: [property register]
                abbr: CAD
                ---
                The inventory of land parcels.
                -- content/glossary/predio.es.md --
                ---
                title: Predio
                ---
                Un terreno, sin traducción.
                """).buildOk();
        SearchAnalyzer es = SearchAnalyzer.forLanguage("es"), en = SearchAnalyzer.forLanguage("en");
        String toEn = Js.strings(List.of(form(en, "Cadastre"), form(en, "property register"), form(en, "CAD")));
        String esManifest = site.text("es/search/index.js");
        assertTrue(esManifest.contains(Js.string(form(es, "Catastro")) + ":" + toEn), esManifest);
        assertTrue(esManifest.contains(Js.string(form(es, "registro catastral")) + ":" + toEn), esManifest);
        assertFalse(esManifest.contains(Js.string(form(es, "Predio")) + ":"), "a term without translation pairs with nothing");
        String toEs = Js.strings(List.of(form(es, "Catastro"), form(es, "registro catastral")));
        String enManifest = site.text("en/search/index.js");
        assertTrue(enManifest.contains("pairs:{\"es\":{"), enManifest);
        assertTrue(enManifest.contains(Js.string(form(en, "property register")) + ":" + toEs), enManifest);
    }

    private static String form(SearchAnalyzer analyzer, String text) {
        return String.join(" ", analyzer.terms(text));
    }
}
