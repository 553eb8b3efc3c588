package org.acervo.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.acervo.TestSite;
import org.acervo.TreeHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems in user files: path:line:col, what, how to fix; all at once; exit 1; output untouched. */
class ErrorReportTest {
    @TempDir
    Path dir;

    static final String GOOD = """
            -- content/knowledge/agua.es.md --
            ---
            title: Agua
            topics: [water]
            ---
            Texto.
            """;

    private static void assertNoStackTrace(TestSite site) {
        String all = site.out() + site.err();
        assertFalse(all.contains("Exception") || all.contains("\tat ") || all.contains("at org."), all);
    }

    @Test
    void brokenYamlLeavesThePreviousOutputByteForByteAndNamesTheLine() throws Exception {
        TestSite site = TestSite.create(dir, GOOD).buildOk();
        String before = TreeHash.of(site.output());
        site.write("""
                -- content/knowledge/agua.es.md --
                ---
                title: Agua
                topics: [water
                ---
                Texto.
                """).build();
        assertEquals(1, site.exit());
        assertTrue(site.err().startsWith("content/knowledge/agua.es.md:"), site.err());
        assertTrue(site.err().matches("(?s)content/knowledge/agua\\.es\\.md:\\d+:\\d+: invalid YAML: .+ \\(.+\\)\n.*"), site.err());
        assertEquals(before, TreeHash.of(site.output()));
        try (var s = Files.list(dir)) {
            assertEquals(java.util.List.of(".acervo", "content", "public", "site.yaml", "themes"),
                    s.map(p -> p.getFileName().toString()).sorted().toList(), "no staging folder or lock left behind");
        }
        try (var s = Files.list(dir.resolve(".acervo"))) {
            assertEquals(java.util.List.of("build-cache"), s.map(p -> p.getFileName().toString()).toList(), "only the build cache of the good build");
        }
        assertNoStackTrace(site);
    }

    @Test
    void aSlugLongerThanAFileNameMayBeIsReportedAtItsLine() throws Exception {
        TestSite site = TestSite.create(dir, GOOD).buildOk();
        String before = TreeHash.of(site.output());
        String slug = "acceso-al-agua-".repeat(20);
        site.write("-- content/knowledge/largo.es.md --\n---\ntitle: Largo\nslug: " + slug + "\n---\nTexto.\n"
                + "-- content/knowledge/corto.en.md --\n---\ntitle: Short\nurl: /knowledge/" + "b".repeat(256) + "/\n---\n").build();
        assertEquals(1, site.exit());
        assertTrue(site.err().contains("content/knowledge/largo.es.md:3:1: the page's address has a part of 300 bytes"), site.err());
        assertTrue(site.err().contains("(shorten the slug to a few words)"), site.err());
        assertTrue(site.err().contains("content/knowledge/corto.en.md:3:1: the page's address has a part of 256 bytes"), site.err());
        assertFalse(site.err().contains("too long"), "no error of the file system: " + site.err());
        assertEquals(before, TreeHash.of(site.output()));
        assertNoStackTrace(site);
    }

    @Test
    void everyProblemOfEveryFileIsReportedAtOnce() {
        TestSite site = TestSite.create(dir, GOOD + """
                -- content/a.es.md --
                ---
                title: A
                date: tomorrow
                topics: [watr]
                ---
                [x](nope.md)
                -- content/b.es.md --
                ---
                description: sin título
                ---
                -- content/c.es.md --
                +++
                title = "TOML"
                +++
                """).build();
        assertEquals(1, site.exit());
        String err = site.err();
        assertTrue(err.contains("content/a.es.md:3:7: 'tomorrow' is not a date (write the date as year-month-day, e.g. date: 2024-05-31)"), err);
        assertTrue(err.contains("content/b.es.md:1:1: the page has no title (add a line title: Your title to the front matter)"), err);
        assertTrue(err.contains("content/c.es.md:1:1: TOML front matter (+++) is not supported"), err);
        assertTrue(err.contains("5 problems") || err.contains("3 problems"), err);
        assertNoStackTrace(site);
        // the second round: once front matter parses, taxonomy terms and links are checked too
        site.write("""
                -- content/a.es.md --
                ---
                title: A
                topics: [watr]
                ---
                [x](nope.md)
                -- content/b.es.md --
                ---
                title: B
                ---
                -- content/c.es.md --
                ---
                title: C
                ---
                """).build();
        assertTrue(site.err().contains("content/a.es.md:3:1: unknown topics term 'watr' (did you mean 'water'?"), site.err());
        assertTrue(site.err().contains("content/a.es.md:5:1: link to 'nope.md': there is no such page"), site.err());
    }

    @Test
    void twoFilesProducingOneUrlAreBothNamed() {
        TestSite site = TestSite.create(dir, GOOD + """
                -- content/knowledge/otra.es.md --
                ---
                title: Otra
                slug: agua
                ---
                """).build();
        assertEquals(1, site.exit());
        assertTrue(site.err().contains("content/knowledge/agua.es.md:1:1: two things produce the URL /es/knowledge/agua/"), site.err());
        assertTrue(site.err().contains("content/knowledge/otra.es.md:1:1: two things produce the URL /es/knowledge/agua/"), site.err());
    }

    @Test
    void unknownConfigKeyNamesTheAllowedKeys() {
        TestSite site = TestSite.create(dir, GOOD).write("-- site.yaml --\n" + TestSite.DEFAULT_CONFIG + "paginte: 10\n").build();
        assertEquals(1, site.exit());
        assertTrue(site.err().matches("(?s)site\\.yaml:\\d+:1: unknown key 'paginte' in site\\.yaml \\(did you mean 'paginate'\\? allowed keys: languages, .*"),
                site.err());
    }

    @Test
    void aStaticOrBundleFileAtTheAddressOfAPageIsAnErrorAtThatFile() {
        TestSite site = TestSite.create(dir, """
                -- content/knowledge/agua/index.es.md --
                ---
                title: Agua
                ---
                -- content/knowledge/agua/index.html --
                <p>an old export</p>
                -- static/404.html --
                <p>our own</p>
                -- static/es/index.html --
                <p>our own home</p>
                -- static/robots.txt --
                User-agent: *
                """).build();
        assertEquals(1, site.exit());
        assertTrue(site.err().contains("static/404.html: this file would be published at 404.html, where the build writes one of its"
                + " pages (rename or move the file; to change that page, edit its content or the theme's template)"), site.err());
        assertTrue(site.err().contains("static/es/index.html: this file would be published at es/index.html"), site.err());
        assertTrue(site.err().contains("content/knowledge/agua/index.html: this file would be published at es/knowledge/agua/index.html"),
                site.err());
        assertTrue(site.err().contains("3 problems; the output was not changed."), site.err()); // robots.txt of static/ is allowed
        assertNoStackTrace(site);
    }

    @Test
    void taxonomyNamesSlugsAndTermsThatCannotBeAddressesAndAnOverlongTimeoutAreErrorsInSiteYaml() {
        TestSite site = TestSite.create(dir, """
                -- site.yaml --
                languages:
                  es: {name: Español, title: Sitio}
                  en: {name: English, title: Site}
                taxonomies:
                  "": {}
                  topics:
                    slug: {es: "..", en: topics}
                    terms:
                      "a/b": {es: Agua, en: Water}
                limits: {fileTimeout: 99999999999999999999}
                paginate: 4294967296
                -- content/_index.es.md --
                ---
                title: Inicio
                ---
                """).build();
        assertEquals(1, site.exit());
        for (String expected : List.of(
                "site.yaml:5:3: the taxonomy name '' cannot be part of an address",
                "site.yaml:7:16: the slug '..' cannot be part of an address",
                "site.yaml:9:7: the term id 'a/b' cannot be part of an address",
                "site.yaml:10:23: fileTimeout '99999999999999999999' is too long",
                "site.yaml:11:11: paginate 4294967296 is more items than a list page can show")) {
            assertTrue(site.err().contains(expected), expected + "\n" + site.err());
        }
        assertTrue(site.err().contains("5 problems"), site.err());
        assertNoStackTrace(site);
    }

    @Test
    void aPartialThatIncludesItselfIsAnErrorAtTheTemplateNotACrash() {
        TestSite site = TestSite.create(dir, """
                -- content/knowledge/agua.es.md --
                ---
                title: Agua
                ---
                -- themes/default/layouts/knowledge/single.html --
                <!doctype html><html lang="{{ lang }}"><body>{% include "layouts/partials/loop.html" %}</body></html>
                -- themes/default/layouts/partials/loop.html --
                <p>{{ page.title }}</p>{% include "layouts/partials/loop.html" %}
                """).build();
        assertEquals(1, site.exit());
        assertTrue(site.err().contains("themes/default/layouts/knowledge/single.html: the template includes or extends itself without end"
                + " (while rendering content/knowledge/agua.es.md)"), site.err());
        assertNoStackTrace(site);
    }

    @Test
    void unknownLayoutAndTemplateErrorsPointAtTheirFiles() {
        TestSite site = TestSite.create(dir, """
                -- content/knowledge/agua.es.md --
                ---
                title: Agua
                layout: singel
                ---
                """).build();
        assertEquals(1, site.exit());
        assertTrue(site.err().contains("content/knowledge/agua.es.md: unknown layout 'singel' (did you mean 'single'?"), site.err());
        site.write("""
                -- content/knowledge/agua.es.md --
                ---
                title: Agua
                ---
                -- themes/default/layouts/knowledge/single.html --
                <p>
                {{ page.title | nosuchfilter }}
                """).build();
        assertEquals(1, site.exit());
        assertTrue(site.err().contains("themes/default/layouts/knowledge/single.html:2:1: template error:"), site.err());
        assertNoStackTrace(site);
    }

    @Test
    void usageErrorsExitWithTwoAndHelpAndVersionWork() {
        TestSite site = TestSite.create(dir, GOOD);
        assertEquals(2, site.run("build", "--no-such-option").exit());
        assertEquals(2, site.run("frobnicate").exit());
        assertEquals(0, site.run("--version").exit());
        assertTrue(site.out().startsWith("Acervo "), site.out());
        assertEquals(0, site.run("build", "--help").exit());
        assertTrue(site.out().contains("--drafts"), site.out());
    }

    @Test
    void missingUiStringIsListedByKey() {
        TestSite site = TestSite.create(dir, GOOD).write("""
                -- themes/default/layouts/knowledge/single.html --
                <!doctype html><html lang="{{ lang }}"><body data-kind="single">{{ t("no_such_string") }}</body></html>
                """).buildOk();
        assertTrue(site.err().contains("warning: themes/default/i18n/es.yaml: missing UI string 'no_such_string'"), site.err());
    }

    @Test
    void anOutputFolderAcervoDidNotMakeIsNeverReplaced() throws Exception {
        TestSite site = TestSite.create(dir, GOOD);
        Files.createDirectories(dir.resolve("public"));
        Files.writeString(dir.resolve("public/notes.txt"), "mine");
        site.build();
        assertEquals(1, site.exit());
        assertTrue(site.err().contains("is not empty and was not made by Acervo"), site.err());
        assertEquals("mine", Files.readString(dir.resolve("public/notes.txt")));
        assertEquals(1, site.run("build", "--source", dir.toString(), "--output", dir.resolve("content/out").toString()).exit());
        assertTrue(site.err().contains("is inside the site's sources"), site.err());
    }
}
