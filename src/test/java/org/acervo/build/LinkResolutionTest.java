package org.acervo.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.acervo.TestSite;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
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
    void aPercentSignInAFileNameOrLinkIsAPercentSign() {
        TestSite site = TestSite.create(dir, """
                -- content/knowledge/_index.es.md --
                ---
                title: Conocimiento
                ---
                -- content/knowledge/agua/index.es.md --
                ---
                title: Agua
                ---
                Ver [el informe](informe-100%.pdf), [el mismo](informe-100%25.pdf) y [otro](datos%20abiertos.csv).

                {{< download file="informe-100%.pdf" title="El informe" >}}
                """);
        site.writeBytes("content/knowledge/agua/informe-100%.pdf", new byte[1234]);
        site.writeBytes("content/knowledge/agua/datos abiertos.csv", new byte[10]);
        site.buildOk();
        Document page = site.html("es/knowledge/agua/index.html");
        Elements links = page.select("a[data-download]");
        assertEquals(java.util.List.of("informe-100%25.pdf", "informe-100%25.pdf", "datos%20abiertos.csv", "informe-100%25.pdf"),
                links.eachAttr("href").subList(0, 4), "the three links and the shortcode, in the text's order");
        for (Element a : links) {
            if (a.attr("href").endsWith(".pdf")) assertEquals("1234", a.attr("data-bytes"), a.outerHtml());
        }
        assertTrue(site.exists("es/knowledge/agua/informe-100%.pdf"), "the file itself, under its own name");
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
