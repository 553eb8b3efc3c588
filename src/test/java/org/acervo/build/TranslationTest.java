package org.acervo.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.acervo.TestSite;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranslationTest {
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
            title: Gestión del agua
            date: 2024-03-01
            ---
            -- content/knowledge/agua.en.md --
            ---
            title: Water management
            date: 2024-03-01
            ---
            -- content/knowledge/barrios.es.md --
            ---
            title: Mejoramiento de barrios
            date: 2024-02-01
            ---
            Solo en español.
            -- content/knowledge/waste.en.md --
            ---
            title: Solid waste tariffs
            translationKey: tarifas
            date: 2024-01-01
            ---
            -- content/knowledge/tarifas-residuos.es.md --
            ---
            title: Tarifas de residuos sólidos
            translationKey: tarifas
            date: 2024-01-01
            ---
            """;

    @Test
    void pageInOneLanguageIsListedInTheOtherMarkedWithItsLanguage() {
        TestSite site = TestSite.create(dir, SITE).buildOk();
        Document en = site.html("en/knowledge/index.html");
        Element item = en.select(".items li").stream().filter(li -> li.text().contains("Mejoramiento de barrios")).findFirst().orElseThrow();
        assertEquals("es", item.attr("lang"));
        assertTrue(item.hasAttr("data-untranslated"));
        assertEquals("Español", item.selectFirst(".lang-label").text());
        assertEquals("../../es/conocimiento/barrios/", item.selectFirst("a").attr("href"));
        // pages that have a translation are listed once, in the list's language
        assertEquals(List.of("Water management", "Solid waste tariffs", "Mejoramiento de barrios").stream().sorted().toList(),
                en.select(".items li > a").eachText().stream().sorted().toList());
        Element translated = en.select(".items li").stream().filter(li -> li.text().contains("Water")).findFirst().orElseThrow();
        assertFalse(translated.hasAttr("data-untranslated"));
    }

    @Test
    void switcherGoesToTheTranslationWithHreflangAlternates() {
        TestSite site = TestSite.create(dir, SITE).buildOk();
        Document es = site.html("es/conocimiento/agua/index.html");
        Element sw = es.selectFirst("a[data-lang-switch][hreflang=en]");
        assertEquals("../../../en/knowledge/agua/", sw.attr("href"));
        assertNull(es.selectFirst("[data-switch-note]"));
        assertEquals(List.of("es", "en"), es.select("link[rel=alternate][hreflang]").eachAttr("hreflang"));
        assertEquals("../../../en/knowledge/agua/", es.selectFirst("link[hreflang=en]").attr("href"));
        assertNull(es.selectFirst("[data-untranslated]"));
    }

    @Test
    void translationKeyPairsFilesWithDifferentNames() {
        TestSite site = TestSite.create(dir, SITE).buildOk();
        Document en = site.html("en/knowledge/waste/index.html");
        assertEquals("../../../es/conocimiento/tarifas-residuos/", en.selectFirst("a[data-lang-switch][hreflang=es]").attr("href"));
    }

    @Test
    void untranslatedPageSwitchesToTheNearestPageWithAVisibleNote() {
        TestSite site = TestSite.create(dir, SITE).buildOk();
        Document es = site.html("es/conocimiento/barrios/index.html");
        assertNotNull(es.selectFirst("[data-untranslated]"));
        Element sw = es.selectFirst("a[data-lang-switch][hreflang=en]");
        assertEquals("../../../en/knowledge/", sw.attr("href"));
        assertFalse(sw.parent().selectFirst("[data-switch-note]").text().isBlank());
        // no hreflang alternate pretends a translation exists
        assertEquals(List.of("es"), es.select("link[rel=alternate][hreflang]").eachAttr("hreflang"));
    }

    @Test
    void everyPageCarriesItsLanguage() {
        TestSite site = TestSite.create(dir, SITE).buildOk();
        for (String f : site.files()) {
            if (!f.endsWith(".html") || f.equals("index.html") || f.equals("404.html")) continue;
            assertEquals(f.substring(0, 2), site.html(f).selectFirst("html").attr("lang"), f);
        }
    }

    @Test
    void twoPagesOfOneLanguageCannotShareATranslationKey() {
        TestSite site = TestSite.create(dir, SITE + """
                -- content/knowledge/otra.es.md --
                ---
                title: Otra
                translationKey: tarifas
                ---
                """).build();
        assertEquals(1, site.exit());
        assertTrue(site.err().contains("content/knowledge/tarifas-residuos.es.md:") || site.err().contains("content/knowledge/otra.es.md:"),
                site.err());
        assertTrue(site.err().contains("share the translation tarifas"), site.err());
    }
}
