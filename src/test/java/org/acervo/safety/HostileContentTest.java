package org.acervo.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.acervo.TestSite;
import org.acervo.browser.Browser;
import org.acervo.browser.StaticServer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.NoAlertPresentException;

/**
 * Script payloads in every field an editor controls: none of them runs in a real browser,
 * on any page of the built site, and the text an editor wrote is shown as text (escaped,
 * not silently dropped) in HTML, feeds and the sitemap.
 */
class HostileContentTest {
    /** Each payload sets top.xssRan (or opens a dialog) if it ever runs. */
    static final String TITLE = "<script>top.xssRan=1</script>\"><img src=x onerror=top.xssRan=2>";
    static final String DESCRIPTION = "</title><script>top.xssRan=3</script>]]><x>' onmouseover=top.xssRan=4 \"";

    static final String SITE = """
            -- content/_index.es.md --
            ---
            title: Inicio
            ---
            -- content/_index.en.md --
            ---
            title: Home
            ---
            -- content/knowledge/_index.es.md --
            ---
            title: '<svg onload=top.xssRan=5>'
            description: '"><script>alert(6)</script>'
            ---
            -- content/knowledge/_index.en.md --
            ---
            title: Knowledge
            ---
            -- content/knowledge/xss/foto.png --
            not really a picture
            -- content/knowledge/xss/index.es.md --
            ---
            title: '%s'
            description: '%s'
            date: 2024-01-02
            tags: ['<script>top.xssRan=7</script>', '"><svg onload=top.xssRan=8>', "javascript:top.xssRan=9"]
            authors: ['<img src=x onerror=top.xssRan=10>', "</script><script>top.xssRan=11</script>"]
            website: 'javascript:top.xssRan=12'
            logo: ' JaVa&#x09;ScRiPt:top.xssRan=13'
            layout: hostile
            aliases: ['/viejo&quot;top.xssRan=14/']
            ---
            Raw HTML, strict allow-list:

            <script>top.xssRan=20</script>
            <img src=x onerror=top.xssRan=21>
            <a href="javascript:top.xssRan=22">a</a> <a href="JaVaScRiPt:top.xssRan=23">b</a>
            <a href="jav&#x09;ascript:top.xssRan=24">c</a> <a href="&#106;avascript:top.xssRan=25">d</a>
            <a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;top.xssRan=26">e</a>
            <a href="  javascript:top.xssRan=27">f</a> <a href="java
            script:top.xssRan=28">g</a> <a href="vbscript:msgbox(29)">h</a>
            <a href="data:text/html,&lt;script&gt;top.xssRan=30&lt;/script&gt;">i</a>
            <a href="DATA:text/html;base64,PHNjcmlwdD50b3AueHNzUmFuPTMxPC9zY3JpcHQ+">j</a>
            <iframe src="javascript:top.xssRan=32"></iframe> <iframe srcdoc="<script>top.xssRan=33</script>"></iframe>
            <svg><script>top.xssRan=34</script><a xlink:href="javascript:top.xssRan=35"><text>k</text></a></svg>
            <math><maction actiontype="statusline" xlink:href="javascript:top.xssRan=36">l</maction></math>
            <form action="javascript:top.xssRan=37"><button formaction="javascript:top.xssRan=38">m</button></form>
            <object data="javascript:top.xssRan=39"></object><embed src="javascript:top.xssRan=40">
            <style>body{background:url("javascript:top.xssRan=41")}</style>
            <div style="background-image:url(javascript:top.xssRan=42)">n</div>
            <details open ontoggle=top.xssRan=43><summary>o</summary></details>
            <video><source onerror=top.xssRan=44></video>
            <meta http-equiv="refresh" content="0;url=javascript:top.xssRan=45">
            <base href="javascript:top.xssRan=46//">
            <noscript><p title="</noscript><img src=x onerror=top.xssRan=47>"></noscript>
            <!--<img src=x onerror=top.xssRan=48>-->
            <img src="javascript:top.xssRan=49"> <img srcset="javascript:top.xssRan=50 1x">
            <a href="#" onclick="top.xssRan=51">p</a> <p onmouseover=top.xssRan=52>q</p>
            <template><img src=x onerror=top.xssRan=53></template>
            <textarea><img src=x onerror=top.xssRan=54></textarea>
            <title><img src=x onerror=top.xssRan=55></title>

            Markdown links: [r](javascript:top.xssRan=60) [s](JAVASCRIPT:top.xssRan=61) [t](vbscript:msgbox(62))
            [u](data:text/html;base64,PHNjcmlwdD50b3AueHNzUmFuPTYzPC9zY3JpcHQ+) [v](<javascript:top.xssRan=64>)
            [w](javascript&colon;top.xssRan=65) [x](javascript:top.xssRan=66 "t\\"><script>top.xssRan=67</script>")

            Autolinks: <javascript:top.xssRan=68> <vbscript:msgbox(69)> <data:text/html,x70> https://example.org/"><script>top.xssRan=71</script>

            Reference links: [ref one][r1] and [ref two][r2] and [ref three][r3].

            [r1]: javascript:top.xssRan=72
            [r2]: JaVaScRiPt:top.xssRan=73 "title\\"><script>top.xssRan=74</script>"
            [r3]: vbscript:msgbox(75)

            Images: ![alt "><img src=x onerror=top.xssRan=80>](foto.png "t\\" onerror=\\"top.xssRan=81") ![y](javascript:top.xssRan=82)
            ![z](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9dG9wLnhzc1Jhbj04Mz48L3N2Zz4=)

            Heading {#x" onclick="top.xssRan=84}
            -------

            Attributes: [z](https://example.org){onclick="top.xssRan=85" href="javascript:top.xssRan=86"}

            {{< note title="<img src=x onerror=top.xssRan=90>\\" onmouseover=\\"top.xssRan=91" >}}
            inner <script>top.xssRan=92</script> [in](javascript:top.xssRan=93)
            {{< /note >}}

            {{< figure src="foto.png" link="javascript:top.xssRan=94" alt='"><script>top.xssRan=95</script>' caption="<img src=x onerror=top.xssRan=96>" title="</figure><script>top.xssRan=97</script>" >}}

            {{< figure src="javascript:top.xssRan=98" link="VBScript:msgbox(99)" >}}
            -- themes/default/layouts/_default/hostile.html --
            {%% extends "layouts/_default/baseof.html" %%}
            {%% block main %%}<h1>{{ page.title }}</h1>
            <p class="authors">{%% for a in page.params.authors %%}<span title="{{ a }}">{{ a }}</span>{%% endfor %%}</p>
            <p><a class="website" href="{{ page.params.website }}">web</a> <img class="logo" src="{{ page.params.logo }}" alt="{{ page.title }}"></p>
            <div class="content">{{ page.content | raw }}</div>{%% include "layouts/partials/terms.html" %%}{%% endblock %%}
            """.formatted(TITLE.replace("'", "''"), DESCRIPTION.replace("'", "''"));

    @TempDir
    Path dir;

    @Test
    void noPayloadRunsOnAnyPageAndTextStaysText() throws Exception {
        TestSite site = TestSite.create(dir, SITE).buildOk();
        List<String> pages = htmlFiles(site.output());
        assertTrue(pages.contains("es/knowledge/xss/index.html"), pages.toString());
        try (StaticServer server = new StaticServer(site.output(), false); Browser browser = Browser.start()) {
            for (String page : pages) {
                browser.open(server.url(page));
                assertNoAlert(browser, page);
                assertEquals("undefined", browser.js("return typeof top.xssRan"), "a payload ran on " + page);
                @SuppressWarnings("unchecked")
                List<String> dangers = (List<String>) browser.js(DANGEROUS_MARKUP);
                assertEquals(List.of(), dangers, "dangerous markup left on " + page);
            }
            browser.open(server.url("es/knowledge/xss/"));
            assertTrue(String.valueOf(browser.js("return document.title")).startsWith(TITLE), "the title is shown as written");
            assertEquals(TITLE, browser.js("return document.querySelector('h1').textContent"));
            assertEquals(DESCRIPTION, browser.js("return document.querySelector('meta[name=description]').content"));
            assertEquals("<img src=x onerror=top.xssRan=10>", browser.js("return document.querySelector('.authors span').title"));
            Object jsonLd = browser.js("const s = document.querySelector('script[type=\"application/ld+json\"]');"
                    + " return s ? s.textContent : null");
            if (jsonLd != null) {
                // structured data keeps the title as a JSON string, exactly as written
                var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(jsonLd.toString());
                List<String> texts = new ArrayList<>();
                tree.findValues("headline").forEach(n -> texts.add(n.asText()));
                tree.findValues("name").forEach(n -> texts.add(n.asText()));
                assertTrue(texts.contains(TITLE), "JSON-LD keeps the title: " + jsonLd);
            }
        }
    }

    @Test
    void feedsAndSitemapAreWellFormedAndKeepTheTextAsText() throws Exception {
        TestSite site = TestSite.create(dir, SITE).buildOk();
        List<Path> xml;
        try (Stream<Path> s = Files.walk(site.output())) {
            xml = s.filter(p -> p.toString().endsWith(".xml")).toList();
        }
        assertTrue(xml.size() >= 3, xml.toString());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        boolean titleSeen = false;
        for (Path p : xml) {
            org.w3c.dom.Document doc = f.newDocumentBuilder().parse(p.toFile());
            var titles = doc.getElementsByTagNameNS("*", "title");
            for (int i = 0; i < titles.getLength(); i++) titleSeen |= TITLE.equals(titles.item(i).getTextContent());
            var summaries = doc.getElementsByTagNameNS("*", "summary");
            for (int i = 0; i < summaries.getLength(); i++) {
                String t = summaries.item(i).getTextContent();
                if (t.contains("xssRan=3")) assertEquals(DESCRIPTION, t);
            }
            var script = doc.getElementsByTagNameNS("*", "script");
            assertEquals(0, script.getLength(), p + " has a script element");
        }
        assertTrue(titleSeen, "the hostile title appears as text in a feed");
    }

    @Test
    void trustedSitesKeepMoreHtmlButNeverScripts() {
        TestSite site = TestSite.create(dir, """
                -- content/knowledge/video.es.md --
                ---
                title: Video
                ---
                <iframe src="https://www.youtube-nocookie.com/embed/x" title="v"></iframe>
                <span style="color:red">rojo</span>
                <script>top.xssRan=1</script>
                <iframe src="javascript:top.xssRan=2"></iframe>
                <a href="javascript:top.xssRan=3">a</a>
                """).buildOk();
        Document strict = site.html("es/knowledge/video/index.html");
        Element content = strict.selectFirst(".content");
        assertTrue(content.select("iframe").isEmpty(), "strict: no iframes");
        assertTrue(content.select("[style]").isEmpty(), "strict: no inline styles");
        site.writeFile("site.yaml", TestSite.DEFAULT_CONFIG + "html: trusted\n").buildOk();
        Element trusted = site.html("es/knowledge/video/index.html").selectFirst(".content");
        assertEquals(List.of("https://www.youtube-nocookie.com/embed/x"), trusted.select("iframe[src]").eachAttr("src"));
        assertEquals(1, trusted.select("span[style]").size());
        for (Document d : List.of(strict, site.html("es/knowledge/video/index.html"))) {
            assertTrue(d.select(".content script").isEmpty());
            assertFalse(d.html().contains("javascript:"), d.html());
        }
    }

    private static void assertNoAlert(Browser browser, String page) {
        try {
            String text = browser.driver().switchTo().alert().getText();
            browser.driver().switchTo().alert().dismiss();
            throw new AssertionError("a dialog opened on " + page + ": " + text);
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    /**
     * Looks at the page as the browser parsed it: event handler attributes, URLs whose
     * resolved scheme runs code, frames and objects, scripts and styles that mention a payload.
     */
    static final String DANGEROUS_MARKUP = """
            const out = [];
            const urlAttrs = ['href','src','action','formaction','data','poster','background','cite','xlink:href','srcdoc','srcset','content'];
            for (const el of document.querySelectorAll('*')) {
              for (const a of el.attributes) {
                const n = a.name.toLowerCase();
                if (n.startsWith('on')) out.push(el.tagName + ' ' + n);
                if (n === 'srcdoc') out.push(el.tagName + ' srcdoc');
                if (urlAttrs.includes(n)) {
                  for (const part of a.value.split(/[,;]/)) {
                    const v = part.trim().replace(/^url=/i, '').split(/\\s+/)[0];
                    let proto = '';
                    try { proto = new URL(v, document.baseURI).protocol; } catch (e) { proto = ''; }
                    if (['javascript:','vbscript:','data:'].includes(proto)) out.push(el.tagName + ' ' + n + '=' + a.value);
                  }
                }
              }
              if (['IFRAME','OBJECT','EMBED','BASE'].includes(el.tagName)) out.push(el.tagName);
              if (el.tagName === 'FORM' && el.closest('.content')) out.push('FORM in the content');
              if (el.tagName === 'SCRIPT' && el.type === 'application/ld+json') {
                // structured data is not run, but must stay data: valid JSON that cannot close its element
                try { JSON.parse(el.textContent); } catch (e) { out.push('JSON-LD that is not JSON'); }
                if (/[<>]/.test(el.textContent)) out.push('JSON-LD with a raw < or >');
              } else if ((el.tagName === 'SCRIPT' || el.tagName === 'STYLE') && el.textContent.includes('xssRan')) {
                out.push(el.tagName + ' with a payload');
              }
              if (el.tagName === 'META' && (el.getAttribute('http-equiv') || '').toLowerCase() === 'refresh' && /script:|data:/i.test(el.content)) out.push('META refresh ' + el.content);
            }
            return out;
            """;

    private static List<String> htmlFiles(Path out) throws IOException {
        try (Stream<Path> s = Files.walk(out)) {
            return new ArrayList<>(s.filter(p -> p.toString().endsWith(".html")).map(p -> out.relativize(p).toString().replace('\\', '/')).sorted().toList());
        }
    }
}
