package org.acervo.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.acervo.TestSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkResolutionTest {
    @TempDir
    Path dir;

    static final String SITE = """
            -- content/knowledge/_index.es.md --
            ---
            title: Conocimiento
            slug: conocimiento
            ---
            -- content/knowledge/agua.es.md --
            ---
            title: Agua
            ---
            ## Tarifas
            -- content/knowledge/agua.en.md --
            ---
            title: Water
            ---
            ## Tariffs
            -- content/knowledge/barrios.es.md --
            ---
            title: Barrios
            ---
            -- content/guide.es.md --
            ---
            title: Guía
            ---
            [agua](knowledge/agua.md) [con sufijo](knowledge/agua.en.md) [ancla](knowledge/agua.md#tarifas) [barrios](knowledge/barrios.md) [sección](knowledge/_index.md) [web](https://example.org/) [correo](mailto:a@example.org)
            -- content/guide.en.md --
            ---
            title: Guide
            ---
            [water](knowledge/agua.md) [suffix](knowledge/agua.es.md) [only Spanish](knowledge/barrios.md)
            """;

    @Test
    void linksToSourcesResolveInTheCurrentLanguage() {
        TestSite site = TestSite.create(dir, SITE).buildOk();
        Document es = site.html("es/guide/index.html");
        assertEquals(java.util.List.of("../conocimiento/agua/", "../conocimiento/agua/", "../conocimiento/agua/#tarifas",
                "../conocimiento/barrios/", "../conocimiento/", "https://example.org/", "mailto:a@example.org"),
                es.select(".content a").eachAttr("href"));
        Document en = site.html("en/guide/index.html");
        assertEquals(java.util.List.of("../knowledge/agua/", "../knowledge/agua/", "../../es/conocimiento/barrios/"),
                en.select(".content a").eachAttr("href"));
    }

    @Test
    void brokenLinkIsAnErrorAtItsLineWithTheNearestName() {
        TestSite site = TestSite.create(dir, SITE + """
                -- content/otra.es.md --
                ---
                title: Otra
                ---
                Texto.

                Ver [el agua](knowledge/agau.md).
                """).build();
        assertEquals(1, site.exit());
        assertTrue(site.err().contains("content/otra.es.md:6:5: link to 'knowledge/agau.md': there is no such page (did you mean 'knowledge/agua.md'?)"),
                site.err());
        assertTrue(site.err().contains("1 problem; the output was not changed."), site.err());
    }

    @Test
    void linkToADraftSaysSo() {
        TestSite site = TestSite.create(dir, SITE + """
                -- content/knowledge/borrador.es.md --
                ---
                title: Borrador
                draft: true
                ---
                -- content/otra.es.md --
                ---
                title: Otra
                ---
                [b](knowledge/borrador.md)
                """).build();
        assertEquals(1, site.exit());
        assertTrue(site.err().contains("content/otra.es.md:4:1: link to 'knowledge/borrador.md', a draft or future-dated page"), site.err());
        site.buildOk("--drafts");
    }

    @Test
    void linkToAMissingFileInABundleIsAnError() {
        TestSite site = TestSite.create(dir, """
                -- content/manuals/m/index.es.md --
                ---
                title: Manual
                ---
                [PDF](manual.pdf)
                -- content/manuals/m/manaul.pdf --
                x
                """).build();
        assertEquals(1, site.exit());
        assertTrue(site.err().contains("content/manuals/m/index.es.md:4:1: link to 'manual.pdf': there is no such file (did you mean 'manuals/m/manaul.pdf'?)"),
                site.err());
    }
}
