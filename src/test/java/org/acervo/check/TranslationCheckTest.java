package org.acervo.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.acervo.TestSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** acervo check's translation report: missing and stale translations, from the sources. */
class TranslationCheckTest {
    static final Path ROPENSCI = Path.of("/work/shared/corpora/ropensci");

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String text) {
        return new org.openqa.selenium.json.Json().toType(text, Map.class);
    }

    @SuppressWarnings("unchecked")
    static List<String> list(Map<String, Object> report, String... keys) {
        Object o = report;
        for (String k : keys) o = ((Map<String, Object>) o).get(k);
        return (List<String>) o;
    }

    @Test
    void ropensciEnglishPagesWithoutSpanishAreListedExactly() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(ROPENSCI), "the ropensci corpus is not on this machine");
        TestSite.copyTree(ROPENSCI, dir.resolve("content"));
        Files.writeString(dir.resolve("site.yaml"), """
                languages:
                  en: {name: English, title: rOpenSci}
                  es: {name: Español, title: rOpenSci}
                """);
        TestSite.copyTree(Path.of("themes/default"), dir.resolve("themes/default"));
        TestSite site = TestSite.create(dir, "").run("check", "--source", dir.toString(), "--format", "json");
        Map<String, Object> report = json(site.out());

        // counted here independently: every English file (no suffix or .en) whose content path has no .es file
        Set<String> spanish = new TreeSet<>();
        List<String[]> english = new ArrayList<>();
        Path content = dir.resolve("content");
        try (Stream<Path> files = Files.walk(content)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                String rel = content.relativize(f).toString().replace('\\', '/');
                String name = f.getFileName().toString();
                String stem = name.substring(0, name.length() - 3);
                String lang = "en";
                if (stem.matches(".*\\.[a-z]{2}")) {
                    lang = stem.substring(stem.length() - 2);
                    stem = stem.substring(0, stem.length() - 3);
                }
                String folder = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')) : "";
                String key = stem.equals("index") && !folder.isEmpty() ? folder : (folder.isEmpty() ? "" : folder + "/") + stem;
                if (lang.equals("es")) spanish.add(key);
                if (lang.equals("en")) english.add(new String[] {key, "content/" + rel});
            }
        }
        List<String> expected = english.stream().filter(e -> !spanish.contains(e[0])).map(e -> e[1]).sorted().toList();
        assertTrue(expected.size() > 1000, "the corpus has over a thousand untranslated English pages: " + expected.size());
        assertEquals(expected, list(report, "translations", "missing", "es").stream().sorted().toList());
        // and the English translations missing are exactly the Spanish-only files
        assertTrue(list(report, "translations", "missing", "en").stream().allMatch(p -> p.endsWith(".es.md")));
    }

    @Test
    void translationMadeWithNewIsFreshUntilTheSourceIsEdited() throws IOException {
        TestSite site = TestSite.create(dir, """
                -- content/knowledge/agua.es.md --
                ---
                title: Agua
                ---
                Texto original.
                """);
        site.run("new", "--source", dir.toString(), "--translate", dir.resolve("content/knowledge/agua.es.md").toString(), "--lang", "en");
        assertEquals(0, site.exit(), site.err());
        site.run("check", "--source", dir.toString(), "--format", "json");
        Map<String, Object> before = json(site.out());
        assertEquals(List.of(), list(before, "translations", "stale", "en"));
        assertEquals(List.of(), list(before, "translations", "missing", "en"));

        Files.writeString(dir.resolve("content/knowledge/agua.es.md"), "---\ntitle: Agua\n---\nTexto original, con un párrafo nuevo.\n");
        site.run("check", "--source", dir.toString(), "--format", "json");
        Map<String, Object> after = json(site.out());
        assertEquals(List.of("content/knowledge/agua.en.md"), list(after, "translations", "stale", "en"));
        assertEquals(0, site.exit(), "stale translations are reported, not failed, by default");
        site.run("check", "--source", dir.toString(), "--max-stale", "0");
        assertEquals(1, site.exit());
        assertTrue(site.out().contains("stale 'en': content/knowledge/agua.en.md"), site.out());
    }

    @Test
    void withoutTranslationOfANewerLastmodMakesTheTranslationStale() {
        TestSite site = TestSite.create(dir, """
                -- content/knowledge/agua.es.md --
                ---
                title: Agua
                lastmod: 2024-06-01
                ---
                Texto.
                -- content/knowledge/agua.en.md --
                ---
                title: Water
                lastmod: 2024-01-10
                ---
                Text.
                -- content/knowledge/aire.es.md --
                ---
                title: Aire
                lastmod: 2024-01-01
                ---
                Texto.
                -- content/knowledge/aire.en.md --
                ---
                title: Air
                lastmod: 2024-02-01
                ---
                Text.
                -- content/knowledge/suelo.es.md --
                ---
                title: Suelo
                ---
                Texto.
                """).run("check", "--source", dir.toString(), "--format", "json");
        Map<String, Object> report = json(site.out());
        assertEquals(List.of("content/knowledge/agua.en.md"), list(report, "translations", "stale", "en"));
        assertEquals(List.of("content/knowledge/suelo.es.md"), list(report, "translations", "missing", "en"));
        assertEquals(List.of(), list(report, "translations", "missing", "es"));
    }

    @Test
    void translationsAreReportedEvenWhenTheBuildFails() {
        TestSite site = TestSite.create(dir, """
                -- content/knowledge/agua.es.md --
                ---
                title: Agua
                ---
                Un [enlace roto](nada.md).
                -- content/knowledge/roto.es.md --
                +++
                title = "TOML"
                +++
                """).run("check", "--source", dir.toString(), "--format", "json");
        assertEquals(1, site.exit());
        Map<String, Object> report = json(site.out());
        assertEquals(List.of("content/knowledge/agua.es.md", "content/knowledge/roto.es.md"),
                list(report, "translations", "missing", "en"));
        List<String> build = ((List<Map<String, Object>>) (Object) report.get("build")).stream().map(m -> (String) m.get("message")).toList();
        assertTrue(build.stream().anyMatch(m -> m.startsWith("content/knowledge/agua.es.md:4:")), build.toString());
        assertTrue(build.stream().anyMatch(m -> m.startsWith("content/knowledge/roto.es.md:1:")), build.toString());
    }

    @Test
    void theBuiltSiteHasANoindexTranslationStatusPageForEditors() {
        TestSite site = TestSite.create(dir, """
                -- content/knowledge/agua.es.md --
                ---
                title: Agua
                ---
                Texto.
                -- content/knowledge/aire.es.md --
                ---
                title: Aire
                ---
                Texto.
                -- content/knowledge/aire.en.md --
                ---
                title: Air
                ---
                Text.
                """).buildOk();
        Document page = site.html("es/_editors/translations/index.html");
        assertEquals("noindex, nofollow", page.selectFirst("meta[name=robots]").attr("content"));
        assertEquals(List.of("content/knowledge/agua.es.md"), page.select("#lang-en table.missing code").eachText());
        assertTrue(page.select("#lang-es table.missing").isEmpty());
        assertFalse(site.text("sitemap.xml").contains("_editors"));
        for (String f : site.files()) {
            if (f.endsWith(".html") && !f.startsWith("es/_editors/")) assertFalse(site.text(f).contains("_editors"), f);
        }
    }
}
