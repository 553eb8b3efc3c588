package org.acervo.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.acervo.LinkAudit;
import org.acervo.TestSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo library in content/, built with the repository's own site.yaml and theme. */
class DemoSiteTest {
    @TempDir
    Path out;

    @Test
    void demoSiteBuildsAndEveryInternalLinkIsRelativeAndResolves() {
        TestSite site = TestSite.create(out.resolve("unused"), "");
        site.run("build", "--source", ".", "--output", out.resolve("public").toString());
        assertEquals(0, site.exit(), site.err());
        Path public_ = out.resolve("public");
        assertEquals(List.of(), LinkAudit.problems(public_));
        assertTrue(LinkAudit.internalLinks(public_) > 5000, "audit looked at " + LinkAudit.internalLinks(public_));
        Document esHome = org.jsoup.Jsoup.parse(TestSite.read(public_.resolve("es/index.html")));
        assertEquals("home", esHome.body().attr("data-kind"));
        // pages in one language only are listed, marked, in the other language
        Document enKnowledge = org.jsoup.Jsoup.parse(TestSite.read(public_.resolve("en/knowledge/index.html")));
        assertTrue(enKnowledge.select(".items li[data-untranslated][lang=es]").size() >= 2, enKnowledge.select(".items").outerHtml());
    }
}
