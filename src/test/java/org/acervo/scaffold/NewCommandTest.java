package org.acervo.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import org.acervo.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** acervo new: pages from archetypes, and translations that remember their source's version. */
class NewCommandTest {
    @TempDir
    Path dir;

    private TestSite site() {
        return TestSite.create(dir, """
                -- content/knowledge/_index.es.md --
                ---
                title: Conocimiento
                ---
                -- content/glossary/_index.es.md --
                ---
                title: Glosario
                ---
                -- content/resources/_index.es.md --
                ---
                title: Recursos
                ---
                """);
    }

    @Test
    void newPageUsesTheSectionArchetypeOfTheThemeAndBuilds() throws Exception {
        TestSite site = site();
        site.run("new", "--source", dir.toString(), "glossary/water-tariff", "--lang", "en");
        assertEquals(0, site.exit(), site.err());
        assertEquals("Created content/glossary/water-tariff.en.md\n", site.out());
        String text = Files.readString(dir.resolve("content/glossary/water-tariff.en.md"));
        assertTrue(text.contains("title: \"Water tariff\""), text);
        assertTrue(text.contains("date: " + LocalDate.now()), text);
        assertTrue(text.contains("translationKey: water-tariff"), text);
        // the theme's glossary archetype, not the default one
        assertTrue(text.contains("Define the term"), text);
        assertFalse(text.contains("{{"), text);
        site.buildOk();
        assertEquals("Water tariff", site.html("en/glossary/water-tariff/index.html").selectFirst("h1").text());
    }

    @Test
    void newPageInASectionWithoutArchetypeUsesTheDefaultOne() throws Exception {
        TestSite site = site();
        site.run("new", "--source", dir.toString(), "resources/ciudad-de-panama");
        assertEquals(0, site.exit(), site.err());
        String text = Files.readString(dir.resolve("content/resources/ciudad-de-panama.es.md"));
        assertTrue(text.startsWith("---\ntitle: \"Ciudad de panama\""), text);
        assertTrue(text.contains("Write the page here"), text);
        site.buildOk();
    }

    @Test
    void aSectionNameAloneIsNotAPage() {
        TestSite site = site();
        site.run("new", "--source", dir.toString(), "knowledge/");
        assertEquals(1, site.exit());
        assertTrue(site.err().contains("content/knowledge: 'knowledge' is a section, not a page (name the page inside it, e.g. acervo new"
                + " knowledge/water-tariffs"), site.err());
        assertFalse(Files.exists(dir.resolve("content/knowledge.es.md")), "nothing written");
    }

    @Test
    void anArchetypeNotSavedAsUtf8IsAnErrorAtIt() throws Exception {
        TestSite site = site();
        site.writeBytes("themes/default/archetypes/resources.md",
                "---\ntitle: \"{{ title }}\"\ndescription: \"Descripción\"\n---\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        site.run("new", "--source", dir.toString(), "resources/ciudad-de-panama");
        assertEquals(1, site.exit());
        assertTrue(site.err().contains("themes/default/archetypes/resources.md: this archetype is not UTF-8 text (save it as UTF-8"),
                site.err());
        assertFalse(site.err().contains("internal error"), site.err());
        assertFalse(Files.exists(dir.resolve("content/resources/ciudad-de-panama.es.md")), "nothing written");
    }

    @Test
    void unknownSectionAndLanguageGetDidYouMean() {
        TestSite site = site();
        site.run("new", "--source", dir.toString(), "knowlege/agua");
        assertEquals(1, site.exit());
        assertTrue(site.err().contains("content/knowlege: there is no section 'knowlege' (did you mean 'knowledge'?"), site.err());
        site.run("new", "--source", dir.toString(), "knowledge/agua", "--lang", "em");
        assertEquals(1, site.exit());
        assertTrue(site.err().contains("'em' is not a language of this site (did you mean 'en'?"), site.err());
        site.run("new", "--source", dir.toString(), "knowledge/agua");
        site.run("new", "--source", dir.toString(), "knowledge/agua");
        assertEquals(1, site.exit());
        assertTrue(site.err().contains("content/knowledge/agua.es.md: this page already exists"), site.err());
    }

    @Test
    void translateRecordsTheHashOfTheSourceBytes() throws Exception {
        TestSite site = site().write("""
                -- content/knowledge/agua.es.md --
                ---
                title: Gestión del agua
                slug: gestion-del-agua
                topics: [water]
                ---
                Texto en español.
                """);
        site.run("new", "--source", dir.toString(), "--translate", "content/knowledge/agua.es.md", "--lang", "en");
        assertEquals(0, site.exit(), site.err());
        assertEquals("Created content/knowledge/agua.en.md\n", site.out());
        byte[] source = Files.readAllBytes(dir.resolve("content/knowledge/agua.es.md"));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(source)).substring(0, 12);
        String text = Files.readString(dir.resolve("content/knowledge/agua.en.md"));
        assertTrue(text.contains("translationOf: \"" + expected + "\""), text);
        assertTrue(text.contains("topics: [water]"), text);
        assertFalse(text.contains("slug:"), "a translated slug belongs to the source's language: " + text);
        assertTrue(text.endsWith("Texto en español.\n"), text);
        site.buildOk("--drafts");
        assertEquals("../../../en/knowledge/agua/",
                site.html("es/knowledge/gestion-del-agua/index.html").selectFirst("a[data-lang-switch][hreflang=en]").attr("href"));
    }
}
