package org.acervo.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.acervo.LinkAudit;
import org.acervo.TestSite;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildBasicsTest {
    @TempDir
    Path dir;

    static final String SITE = """
            -- content/_index.es.md --
            ---
            title: Inicio de la biblioteca
            ---
            Bienvenida.
            -- content/_index.en.md --
            ---
            title: Library home
            ---
            Welcome.
            -- content/knowledge/_index.es.md --
            ---
            title: Conocimiento
            slug: conocimiento
            ---
            Objetos de conocimiento.
            -- content/knowledge/_index.en.md --
            ---
            title: Knowledge
            ---
            -- content/knowledge/agua.es.md --
            ---
            title: Gestión del agua
            date: 2024-03-01
            topics: [water]
            tags: [cuencas]
            authors: [Ana Pérez]
            ---
            Texto sobre el agua.
            -- content/knowledge/agua.en.md --
            ---
            title: Water management
            date: 2024-03-01
            topics: [water]
            ---
            Text about water.
            """;

    @Test
    void aTermIsNamedAsItsFirstPageSpellsItAndListsItsPagesNewestFirst() {
        // two spellings of one tag: the label is the first page's (by path), whatever the order the list shows
        TestSite site = TestSite.create(dir, SITE + """
                -- content/knowledge/a-cleaning.en.md --
                ---
                title: Zeta cleaning
                date: 2024-01-01
                tags: [data munging]
                ---
                Old.
                -- content/knowledge/b-tidying.en.md --
                ---
                title: Alpha tidying
                date: 2024-06-01
                tags: [data-munging]
                ---
                New.
                """).buildOk();
        Document term = site.html("en/tags/data-munging/index.html");
        assertEquals("data munging", term.selectFirst("h1").text(), "the label of the first page by path");
        List<String> titles = term.select("main a[href*=knowledge/]").eachText();
        assertTrue(titles.indexOf("Alpha tidying") >= 0 && titles.indexOf("Alpha tidying") < titles.indexOf("Zeta cleaning"),
                "the newest page first: " + titles);
        Element tag = site.html("en/knowledge/b-tidying/index.html").selectFirst("a[href$=tags/data-munging/]");
        assertNotNull(tag, "the newer page links its tag");
        assertEquals("data munging", tag.text(), "by the same label");
    }

    @Test
    void prettyUrlsPerLanguageWithTranslatedSlugs() {
        TestSite site = TestSite.create(dir, SITE).buildOk();
        Document es = site.html("es/conocimiento/agua/index.html");
        assertEquals("es", es.selectFirst("html").attr("lang"));
        assertEquals("single", es.body().attr("data-kind"));
        assertEquals("Gestión del agua", es.selectFirst("h1").text());
        assertEquals("section", site.html("es/conocimiento/index.html").body().attr("data-kind"));
        assertEquals("section", site.html("en/knowledge/index.html").body().attr("data-kind"));
        assertEquals("home", site.html("es/index.html").body().attr("data-kind"));
        assertEquals("Water management", site.html("en/knowledge/agua/index.html").selectFirst("h1").text());
        assertTrue(site.out().matches("(?s)Built 1 pages in es, 1 pages in en; \\d+ files written in [\\d.]+ s\\s*"), site.out());
    }

    @Test
    void everyKindOfPageIsWritten() {
        TestSite site = TestSite.create(dir, SITE).buildOk();
        assertEquals("taxonomy", site.html("es/temas/index.html").body().attr("data-kind"));
        Document term = site.html("es/temas/water/index.html");
        assertEquals("term", term.body().attr("data-kind"));
        assertEquals("Agua", term.selectFirst("h1").text());
        assertEquals("Gestión del agua", term.selectFirst(".items a").text());
        assertEquals("term", site.html("es/tags/cuencas/index.html").body().attr("data-kind"));
        assertEquals("search", site.html("es/search/index.html").body().attr("data-kind"));
        assertEquals("404", site.html("es/404.html").body().attr("data-kind"));
        assertEquals("404", site.html("en/404.html").body().attr("data-kind"));
        assertEquals("404", site.html("404.html").body().attr("data-kind"));
        assertTrue(site.exists("sitemap.xml"));
        assertTrue(site.text("robots.txt").contains("User-agent: *"));
        assertTrue(site.text("es/index.xml").contains("<title>Gestión del agua</title>"));
        assertTrue(site.text("en/knowledge/index.xml").contains("<title>Water management</title>"));
    }

    @Test
    void rootPageLetsTheReaderChooseALanguage() {
        TestSite site = TestSite.create(dir, SITE).buildOk();
        Document root = site.html("index.html");
        List<String> links = root.select("main a").eachAttr("href");
        assertEquals(List.of("es/", "en/"), links);
        assertEquals(List.of("es", "en"), root.select("link[rel=alternate][hreflang]").eachAttr("hreflang"));
    }

    @Test
    void everyInternalLinkIsRelativeAndResolves() {
        TestSite site = TestSite.create(dir, SITE).buildOk();
        assertEquals(List.of(), LinkAudit.problems(site.output()));
        assertTrue(LinkAudit.internalLinks(site.output()) > 50);
    }

    @Test
    void unknownFrontMatterKeysArePageParameters() {
        TestSite site = TestSite.create(dir, SITE.replace("""
                -- content/knowledge/agua.en.md --""", """
                -- themes/default/layouts/knowledge/single.html --
                {% extends "layouts/_default/single.html" %}{% block title %}{{ page.params.authors[0] }}{% endblock %}
                -- content/knowledge/agua.en.md --""")).buildOk();
        assertEquals("Ana Pérez", site.html("es/conocimiento/agua/index.html").title());
    }

    @Test
    void aThemeLinkWithARepeatedRelIsWeighedAndNotACrash() {
        TestSite site = TestSite.create(dir, SITE + """
                -- themes/default/layouts/knowledge/single.html --
                <!doctype html><html lang="{{ lang }}"><head><link rel="icon icon" href="{{ asset('style.css') }}"></head>
                <body><p id="custom">{{ page.title }}</p></body></html>
                """).buildOk();
        assertEquals("Gestión del agua", site.html("es/conocimiento/agua/index.html").selectFirst("#custom").text());
    }

    @Test
    void sectionLayoutsOverrideDefaultsAndOtherSectionsFallBack() {
        TestSite site = TestSite.create(dir, SITE + """
                -- themes/default/layouts/knowledge/single.html --
                <!doctype html><html lang="{{ lang }}"><body data-kind="single"><p id="custom">{{ page.title }}</p></body></html>
                -- content/news/hola.es.md --
                ---
                title: Hola
                ---
                Texto.
                """).buildOk();
        assertEquals("Gestión del agua", site.html("es/conocimiento/agua/index.html").selectFirst("#custom").text());
        Document news = site.html("es/news/hola/index.html");
        assertNotNull(news.selectFirst("article h1"));
        assertEquals(null, news.selectFirst("#custom"));
    }

    @Test
    void pageBundlesCarryTheirFiles() {
        TestSite site = TestSite.create(dir, SITE + """
                -- content/manuals/presupuesto/index.es.md --
                ---
                title: Manual de presupuesto
                ---
                [Descargar](manual.pdf)
                -- content/manuals/presupuesto/manual.pdf --
                %PDF-1.4 demo
                """).buildOk();
        assertTrue(site.exists("es/manuals/presupuesto/manual.pdf"));
        Element link = site.html("es/manuals/presupuesto/index.html").selectFirst(".content a");
        assertEquals("manual.pdf", link.attr("href"));
    }

    @Test
    void aliasesBecomeRedirectPages() {
        TestSite site = TestSite.create(dir, SITE.replace("topics: [water]\ntags: [cuencas]", "topics: [water]\ntags: [cuencas]\naliases: [/viejo/agua/]")).buildOk();
        Document redirect = site.html("es/viejo/agua/index.html");
        assertEquals("0; url=../../conocimiento/agua/", redirect.selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertEquals("../../conocimiento/agua/", redirect.selectFirst("a").attr("href"));
    }

    @Test
    void draftsAndFuturePagesAreLeftOutUnlessAsked() {
        String text = SITE + """
                -- content/knowledge/borrador.es.md --
                ---
                title: Borrador
                draft: true
                ---
                -- content/knowledge/futuro.es.md --
                ---
                title: Futuro
                date: 2999-01-01
                ---
                """;
        TestSite site = TestSite.create(dir, text).buildOk();
        assertFalse(site.exists("es/conocimiento/borrador/index.html"));
        assertFalse(site.exists("es/conocimiento/futuro/index.html"));
        assertFalse(site.html("es/conocimiento/index.html").text().contains("Borrador"));
        site.buildOk("--drafts");
        assertTrue(site.exists("es/conocimiento/borrador/index.html"));
        assertTrue(site.exists("es/conocimiento/futuro/index.html"));
    }

    @Test
    void sectionListsArePaginated() {
        StringBuilder text = new StringBuilder(SITE.replace("", "")).append("-- site.yaml --\n").append(TestSite.DEFAULT_CONFIG).append("paginate: 2\n");
        for (int i = 1; i <= 5; i++) {
            text.append("-- content/knowledge/p").append(i).append(".es.md --\n---\ntitle: Página ").append(i)
                    .append("\nweight: ").append(i).append("\n---\nTexto.\n");
        }
        TestSite site = TestSite.create(dir, text.toString()).buildOk();
        Document first = site.html("es/conocimiento/index.html");
        assertEquals(List.of("Página 1", "Página 2"), first.select(".items > li > a").eachText());
        assertEquals("page/2/", first.selectFirst("a[rel=next]").attr("href"));
        Document third = site.html("es/conocimiento/page/3/index.html");
        assertEquals(List.of("Página 5", "Gestión del agua"), third.select(".items > li > a").eachText());
        assertEquals("../2/", third.selectFirst("a[rel=prev]").attr("href"));
    }

    @Test
    void theThemeAddsNoCharacterBeyondLatin1() {
        // the crumbs' separator and the pager's arrows are drawn by the style sheet: a page whose own text is Latin-1 is
        // then held in memory as one byte a character, and written faster, which counts on 10,000 pages
        StringBuilder text = new StringBuilder(SITE).append("-- site.yaml --\n").append(TestSite.DEFAULT_CONFIG).append("paginate: 1\n");
        for (int i = 1; i <= 2; i++) text.append("-- content/knowledge/p").append(i).append(".es.md --\n---\ntitle: Página ").append(i).append("\n---\nTexto.\n");
        TestSite site = TestSite.create(dir, text.toString()).buildOk();
        Document list = site.html("es/conocimiento/index.html");
        assertNotNull(list.selectFirst(".pager a[rel=next]"));
        assertNotNull(site.html("es/conocimiento/agua/index.html").selectFirst(".crumbs a + a"));
        List<String> pages = site.files().stream().filter(f -> f.endsWith(".html")).toList();
        assertTrue(pages.size() > 10, pages.toString());
        for (String page : pages) {
            String html = site.text(page);
            for (int i = 0; i < html.length(); i++) {
                char c = html.charAt(i);
                assertTrue(c <= 0xFF, () -> page + " has U+" + Integer.toHexString(c) + " near: " + html.substring(Math.max(0, html.indexOf(c) - 60), html.indexOf(c) + 1));
            }
        }
    }
}
