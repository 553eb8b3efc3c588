package org.acervo.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.acervo.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sitemap, feeds, robots and canonical links, with and without baseURL. */
class SyndicationTest {
    @TempDir
    Path dir;

    static final String PAGES = """
            -- content/knowledge/agua.es.md --
            ---
            title: Agua & <saneamiento>
            date: 2024-03-01
            ---
            Texto.
            -- content/knowledge/agua.en.md --
            ---
            title: Water
            date: 2024-03-02
            ---
            Text.
            -- content/knowledge/solo.es.md --
            ---
            title: Solo
            date: 2024-01-01
            ---
            """;

    private static Document xml(String text) {
        return Jsoup.parse(text, "", Parser.xmlParser());
    }

    @Test
    void withBaseUrlFeedsSitemapAndCanonicalAreAbsoluteAndListAlternates() {
        TestSite site = TestSite.create(dir, PAGES).write("-- site.yaml --\n" + TestSite.DEFAULT_CONFIG + "baseURL: https://biblioteca.example.org/red/\n")
                .buildOk();
        Document sitemap = xml(site.text("sitemap.xml"));
        var agua = sitemap.select("url").stream().filter(u -> u.selectFirst("loc").text().endsWith("/es/knowledge/agua/")).findFirst().orElseThrow();
        assertEquals("https://biblioteca.example.org/red/es/knowledge/agua/", agua.selectFirst("loc").text());
        assertEquals(List.of("es", "en"), agua.select("xhtml|link").eachAttr("hreflang"));
        assertEquals("https://biblioteca.example.org/red/en/knowledge/agua/", agua.select("xhtml|link").get(1).attr("href"));
        var solo = sitemap.select("url").stream().filter(u -> u.selectFirst("loc").text().endsWith("/es/knowledge/solo/")).findFirst().orElseThrow();
        assertTrue(solo.select("xhtml|link").isEmpty(), "no alternates for a page in one language");
        Document feed = xml(site.text("es/index.xml"));
        assertEquals("Agua & <saneamiento>", feed.selectFirst("entry > title").text());
        assertEquals("https://biblioteca.example.org/red/es/knowledge/agua/", feed.selectFirst("entry > link").attr("href"));
        assertTrue(site.text("robots.txt").contains("Sitemap: https://biblioteca.example.org/red/sitemap.xml"));
        assertEquals("https://biblioteca.example.org/red/es/knowledge/agua/",
                site.html("es/knowledge/agua/index.html").selectFirst("link[rel=canonical]").attr("href"));
    }

    @Test
    void withoutBaseUrlFeedsUseRelativeLinksAndNoCanonical() {
        TestSite site = TestSite.create(dir, PAGES).buildOk();
        Document feed = xml(site.text("es/knowledge/index.xml"));
        assertEquals(List.of("agua/", "solo/"), feed.select("entry > link").eachAttr("href"));
        assertEquals(null, site.html("es/knowledge/agua/index.html").selectFirst("link[rel=canonical]"));
        assertTrue(site.text("sitemap.xml").contains("<loc>es/knowledge/agua/</loc>"));
    }
}
