package org.acervo.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.acervo.TestSite;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbedShortcodesTest {
    @TempDir
    Path dir;

    static final String PAGES = """
            -- content/knowledge/manual/index.en.md --
            ---
            title: Manual
            ---
            Intro.

            {{< download file="guide.pdf" title="The guide" >}}

            {{< video src="talk.mp4" poster="poster.jpg" title="The talk" audio="talk.mp3" >}}

            {{< note title="Remember" >}}Keep the **maps** current.{{< /note >}}
            -- content/knowledge/manual/index.es.md --
            ---
            title: Manual
            ---
            {{< download file="guide.pdf" title="La guía" >}}
            -- static/files/plan.docx --
            docx
            """;

    private TestSite site() {
        TestSite site = TestSite.create(dir, PAGES);
        site.writeBytes("content/knowledge/manual/guide.pdf", new byte[3_200_000]);
        site.writeBytes("content/knowledge/manual/talk.mp4", new byte[45_000_000]);
        site.writeBytes("content/knowledge/manual/talk.mp3", new byte[900_000]);
        site.writeBytes("content/knowledge/manual/poster.jpg", new byte[20_000]);
        return site;
    }

    @Test
    void downloadShowsTypeSizeAndTimeAt256kbps() {
        TestSite site = site().buildOk();
        Document en = site.html("en/knowledge/manual/index.html");
        Element a = en.selectFirst(".content a[data-download]");
        assertEquals("3200000", a.attr("data-bytes"));
        assertEquals("The guide", a.text());
        assertTrue(site.exists("en/knowledge/manual/guide.pdf"));
        assertTrue(a.absUrl("href").endsWith("/en/knowledge/manual/guide.pdf"));
        // 3,200,000 bytes = 25,600,000 bits = 100 s at 256 kbit/s, about 2 minutes
        assertEquals("PDF · 3.2 MB · about 2 min at 256 kbit/s", a.parent().selectFirst(".download-meta").text());
        Element es = site.html("es/knowledge/manual/index.html").selectFirst(".content a[data-download]");
        assertEquals("PDF · 3,2 MB · unos 2 min a 256 kbit/s", es.parent().selectFirst(".download-meta").text());
    }

    @Test
    void videoIsAPosterALinkAndASizeNeverAPlayer() {
        TestSite site = site().buildOk();
        Document en = site.html("en/knowledge/manual/index.html");
        Element fig = en.selectFirst("figure[data-video]");
        assertNotNull(fig);
        assertTrue(en.select("iframe, video, audio, object, embed").isEmpty());
        assertTrue(fig.selectFirst("a img").absUrl("src").endsWith("/poster.jpg"));
        assertEquals("45000000", fig.selectFirst("a[data-download]").attr("data-bytes"));
        assertTrue(fig.text().contains("MP4 · 45 MB"), fig.text());
        Element audio = fig.selectFirst("a[href$=talk.mp3]");
        assertEquals("900000", audio.attr("data-bytes"));
    }

    @Test
    void noteRendersItsMarkdown() {
        Document en = site().buildOk().html("en/knowledge/manual/index.html");
        Element note = en.selectFirst("aside.note-box");
        assertEquals("maps", note.selectFirst("strong:containsOwn(maps)").text());
        assertEquals("Remember", note.attr("aria-label"));
    }

    @Test
    void aDownloadOfAStaticFileAndAMissingFile() {
        TestSite site = site().write("""
                -- content/knowledge/other.en.md --
                ---
                title: Other
                ---
                {{< download file="/files/plan.docx" >}}
                """).buildOk();
        Element a = site.html("en/knowledge/other/index.html").selectFirst("a[data-download]");
        assertEquals("5", a.attr("data-bytes"));
        TestSite broken = site.write("""
                -- content/knowledge/broken.en.md --
                ---
                title: Broken
                ---
                Text.

                {{< download file="missing.pdf" >}}
                {{< download file="/files/gone.pdf" >}}
                """).build();
        assertEquals(1, broken.exit());
        assertTrue(broken.err().contains("content/knowledge/broken.en.md:6:1: link to 'missing.pdf'"), broken.err());
        assertTrue(broken.err().contains("content/knowledge/broken.en.md:7:1: download file '/files/gone.pdf': there is no such file"),
                broken.err());
    }

    @Test
    void anUnknownShortcodeListsTheAvailableOnes() {
        TestSite site = TestSite.create(dir, """
                -- content/knowledge/a.en.md --
                ---
                title: A
                ---
                Text.
                {{< youtube id="x" >}}
                """).build();
        assertEquals(1, site.exit());
        String line = site.err().lines().filter(l -> l.contains("youtube")).findFirst().orElseThrow();
        assertTrue(line.startsWith("content/knowledge/a.en.md:5:1: unknown shortcode 'youtube'"), line);
        for (String name : new String[] {"download", "figure", "note", "term", "video"}) assertTrue(line.contains(name), line);
    }
}
