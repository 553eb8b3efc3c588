package org.acervo.light;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.acervo.DemoSite;
import org.acervo.TreeHash;
import org.acervo.cli.Main;
import org.acervo.html.HtmlFinisher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages finished on their text are, byte for byte, the pages the jsoup document would give; any other page is parsed. */
class TextFinisherTest {
    @TempDir
    Path dir;

    private static final String FILE = "en/knowledge/water/index.html";

    /** What the publish pass does to a page on a jsoup document, for pages without images. */
    private static TextFinisher.Page parsed(String html, String file, Optional<OfflineReading> offline) {
        Document doc = Jsoup.parse(html);
        new HtmlFinisher(false).finish(doc, file);
        offline.ifPresent(o -> o.inject(doc, file));
        PageWeigher.Loads loads = PageWeigher.Loads.of(doc);
        return new TextFinisher.Page(new Minifier().html(doc), loads);
    }

    private static void same(String html, Optional<OfflineReading> offline) {
        Optional<TextFinisher.Page> text = new TextFinisher(offline).finish(html, FILE);
        assertTrue(text.isPresent(), "finished on its text: " + html);
        TextFinisher.Page expected = parsed(html, FILE, offline);
        assertEquals(expected.html(), text.get().html());
        assertEquals(expected.loads(), text.get().loads());
    }

    private static String page(String head, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" + head + "</head>\n<body data-kind=\"single\">\n"
                + body + "\n</body>\n</html>\n";
    }

    @Test
    void whatTemplatesWriteComesOutAsJsoupWritesIt() {
        same(page("<title>Agua &amp; saneamiento &#39;2024&#39;  ·\n Biblioteca</title>\n<link rel=\"stylesheet\" href=\"/assets/s.css\">\n"
                        + "<link rel=\"icon\" href=\"/assets/f.svg\" type=\"image/svg+xml\">\n<link rel=\"alternate\" hreflang=\"es\" href=\"/es/x/\">\n"
                        + "<script type=\"application/ld+json\">{\"a\":\"<b> & </b>\"}</script><script src=\"/assets/a.js\" defer></script>\n",
                "<a class=\"skip\" href=\"#main\">Skip</a>\n<header>\n  <nav aria-label='Main'><ul>\n<li><a href=\"/en/\" data-lang-switch>Home</a></li>\n"
                        + "<li><a href=\"/en/search/?q=a&amp;b=c\">Search</a></li>\n</ul></nav>\n</header>\n<!-- a comment -->\n<main id=\"main\" tabindex=\"-1\">"
                        + "<h1>Water   and\n\tsanitation</h1> <p class=\"meta\"><time datetime=\"2024-01-02\">2 January</time> · <em>3&nbsp;min</em> read &gt; more</p>"
                        + "<pre>\n  kept   as\n  it is &lt;x&gt;</pre><p>a <code>x  y</code> <span>b</span> <!-- c --> <strong>c</strong></p>"
                        + "<table><thead><tr><th>A</th></tr></thead>\n<tbody><tr><td>1 &copy; \"q\"</td></tr></tbody></table>"
                        + "<dl><dt>t</dt><dd><ul><li>a<ul><li>b</li></ul></li></ul></dd></dl>"
                        + "<form action=\"/en/search/\"><input type=search name=q value=\"&quot;x&quot;\" required=\"\"><button type=\"submit\" disabled=disabled>Go</button></form>"
                        + "<details open><summary>More \ud83d\ude00</summary><p>Less <a href=\"../other/\" title=\"\ud83c\udf0e\">other</a></p></details></main>\n"
                        + "<footer><p>© <a href=\"https://example.org/a?b=1&amp;c=2\" title=\"it's &quot;x&quot; <y>\">Example</a></p></footer>\n"
                        + "<script src=\"/assets/search.js\"></script>"),
                Optional.empty());
    }

    @Test
    void theOfflineReadingScriptGoesWhereTheDocumentWouldPutIt() {
        same(page("<title>T</title>\n<script src=\"/assets/a.js\"></script>\n", "<p>x</p>\n<script src=\"/assets/b.js\"></script>"),
                Optional.of(new OfflineReading()));
    }

    @Test
    void pagesTheParserWouldChangeAreLeftToIt() {
        TextFinisher finisher = new TextFinisher(Optional.empty());
        for (String body : List.of(
                "<p>a<div>b</div></p>", // the parser closes the paragraph
                "<p>unclosed", "<ul><li>a<li>b</ul>", "<table><tr><td>a</td></tr></table>", "<table>text<tbody></tbody></table>",
                "<a href=\"/a/\">x<a href=\"/b/\">y</a></a>", "<h2>a<h3>b</h3></h2>",
                "<img src=\"/a.png\" alt=\"\">", "<svg viewBox=\"0 0 1 1\"></svg>", "<DIV>x</DIV>", "<div/>",
                "<a href=\"javascript:alert(1)\">x</a>", "<a href=\"java\tscript:alert(1)\">x</a>",
                "<source srcset=\"/a.png 1x\">", "<p>a\r\nb</p>", "<p>a < b</p>", "<p>a lone half of a pair \ud83d</p>", "<p>a form feed \f</p>", "<video src=\"/a.mp4\"></video>",
                "<p class=\"a\" class=\"b\">x</p>", "<p title=a\"b>x</p>", "<form><form></form></form>", "<p>a<!-- b --!> c --></p>")) {
            String html = page("<title>T</title>\n", body);
            assertEquals(Optional.empty(), finisher.finish(html, FILE), body);
        }
        assertEquals(Optional.empty(), finisher.finish(page("<meta http-equiv=\"refresh\" content=\"0; url=/en/\">", "<p>x</p>"), FILE));
        assertEquals(Optional.empty(), finisher.finish("<html><head></head><body><p>x</p></body>", FILE), "no </html>");
        assertEquals(Optional.empty(), finisher.finish("<p>x</p>", FILE), "no html, head, body");
    }

    @Test
    void everyPageOfTheDemoIsWrittenTheSameWhetherParsedOrNot() throws Exception {
        Path text = dir.resolve("text");
        Path parsed = dir.resolve("parsed");
        assertEquals(0, build(text));
        System.setProperty("acervo.finish", "parse");
        try {
            assertEquals(0, build(parsed));
        } finally {
            System.clearProperty("acervo.finish");
        }
        assertEquals(TreeHash.of(parsed), TreeHash.of(text), "every file, byte for byte");

        // the pass takes the theme's pages: each finished page read again is one it vouches for, and gives itself back
        List<Path> pages;
        try (Stream<Path> s = Files.walk(text)) {
            pages = s.filter(p -> p.toString().endsWith(".html")).toList();
        }
        int taken = 0;
        TextFinisher finisher = new TextFinisher(Optional.empty());
        for (Path p : pages) {
            String html = Files.readString(p);
            String file = text.relativize(p).toString().replace('\\', '/');
            Optional<TextFinisher.Page> page = html.contains("<img") ? Optional.empty() : finisher.finish(html, file);
            if (page.isEmpty()) continue;
            taken++;
            assertEquals(parsed(html, file, Optional.empty()).html(), page.get().html(), file);
        }
        assertTrue(taken > pages.size() * 3 / 4, taken + " of " + pages.size() + " pages finished on their text");
    }

    private static int build(Path out) {
        return Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true), "build", "--source",
                DemoSite.source().toString(), "--output", out.toString(), "--fresh");
    }
}
