package org.acervo.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.acervo.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** acervo serve: what it serves, what it refuses, and how it follows edits. */
class PreviewTest {
    @TempDir
    Path dir;

    static final String SITE = """
            -- content/knowledge/agua.es.md --
            ---
            title: Agua
            topics: [water]
            ---
            Primera versión.
            -- content/knowledge/agua.en.md --
            ---
            title: Water
            topics: [water]
            ---
            First version.
            -- content/knowledge/aire.es.md --
            ---
            title: Aire
            ---
            Texto.
            -- static/robots-extra.txt --
            hello
            """;

    /** Raw HTTP, so that nothing on the client side normalises the path. */
    static String raw(Preview p, String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), p.url().getPort())) {
            OutputStream o = s.getOutputStream();
            o.write(request.getBytes(StandardCharsets.ISO_8859_1));
            o.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String get(Preview p, String path) throws IOException {
        return raw(p, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    static Document page(Preview p, String path) throws IOException {
        String r = get(p, path);
        assertEquals(200, status(r), r);
        return Jsoup.parse(r.substring(r.indexOf("\r\n\r\n") + 4));
    }

    /** Waits (blocking read, no sleeping) for the server's next reload event. */
    static final class ReloadEvents implements AutoCloseable {
        private final HttpURLConnection c;
        private final BufferedReader in;

        ReloadEvents(Preview p) throws IOException {
            c = (HttpURLConnection) URI.create(p.url() + "_acervo/events").toURL().openConnection();
            c.setReadTimeout(60_000);
            in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8));
            assertTrue(in.readLine().startsWith("retry:"));
        }

        void await() throws IOException {
            next("reload");
        }

        /** The data of the next event of that name (events of other names are skipped). */
        String next(String name) throws IOException {
            boolean wanted = false;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("event: ")) wanted = line.equals("event: " + name);
                else if (wanted && line.startsWith("data: ")) return line.substring("data: ".length());
            }
            throw new AssertionError("the event stream closed");
        }

        @Override
        public void close() {
            c.disconnect();
        }
    }

    @Test
    void theFirstBuildTakesTheMarkdownOfTheLastAcervoBuildFromItsCache() throws Exception {
        TestSite site = TestSite.create(dir, SITE).buildOk();
        StringWriter log = new StringWriter();
        try (Preview p = Preview.start(site.dir(), InetAddress.getLoopbackAddress(), 0, false, new PrintWriter(log, true))) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Took the Markdown of (\\d+) of (\\d+) pages from the build cache").matcher(log.toString());
            assertTrue(m.find(), log.toString());
            assertEquals(m.group(2), m.group(1), "every page, nothing having changed: " + log);
            assertEquals(200, status(get(p, "/es/knowledge/agua/")));
        }
    }

    @Test
    void refusesEveryPathOutsideTheOutput() throws Exception {
        TestSite site = TestSite.create(dir, SITE);
        Files.writeString(dir.resolve("secret.txt"), "SECRET");
        StringWriter log = new StringWriter();
        try (Preview p = Preview.start(site.dir(), InetAddress.getLoopbackAddress(), 0, false, new PrintWriter(log, true))) {
            assertEquals("127.0.0.1", p.url().getHost());
            assertEquals(200, status(get(p, "/es/knowledge/agua/")));
            assertEquals(200, status(get(p, "/robots-extra.txt")));
            String redirect = get(p, "/es/knowledge/agua");
            assertEquals(301, status(redirect));
            assertTrue(redirect.contains("Location: /es/knowledge/agua/"), redirect);
            for (String path : List.of("/../secret.txt", "/%2e%2e/secret.txt", "/es/%2E%2E/%2e%2e/secret.txt", "/..%2fsecret.txt",
                    "/%2e%2e%2fsecret.txt", "/%2e%2e%5csecret.txt", "/es/..\\..\\secret.txt", "/es/%00", "/es/%zz", "//secret.txt",
                    "/./secret.txt", "/" + "a/".repeat(1100))) {
                String r = get(p, path);
                // the JDK's own parser already answers 404 for a path that starts with "//"
                assertEquals(path.startsWith("//") ? 404 : 400, status(r), path + " -> " + r);
                assertFalse(r.contains("SECRET"), path);
            }
            // a link out of static/ is a build problem (see BadInputTest); the preview never serves its target
            Files.createSymbolicLink(dir.resolve("static/leak.txt"), dir.resolve("secret.txt"));
            assertFalse(get(p, "/leak.txt").contains("SECRET"));
            assertEquals(405, status(raw(p, "POST /es/ HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")));
            assertEquals(413, status(raw(p, "GET /es/ HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello")));
            StringBuilder many = new StringBuilder("GET /es/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
            for (int i = 0; i < 150; i++) many.append("X-H").append(i).append(": v\r\n");
            String tooMany = raw(p, many.append("\r\n").toString());
            assertTrue(tooMany.startsWith("HTTP/1.1 4"), tooMany);
        }
    }

    @Test
    void anEditIsServedAfterTheRebuildAndOnlyWhatItTouchesIsRendered() throws Exception {
        TestSite site = TestSite.create(dir, SITE);
        StringWriter log = new StringWriter();
        try (Preview p = Preview.start(site.dir(), InetAddress.getLoopbackAddress(), 0, false, new PrintWriter(log, true))) {
            Document before = page(p, "/es/knowledge/agua/");
            assertEquals("Agua", before.selectFirst("h1").text());
            assertEquals(1, before.select("script[src$=_acervo/live-reload.js]").size(), "serve pages load the reload script");
            int pages = Integer.parseInt(log.toString().replaceAll("(?s).*Built (\\d+) pages.*", "$1"));
            try (ReloadEvents events = new ReloadEvents(p)) {
                site.writeFile("content/knowledge/agua.es.md", "---\ntitle: Agua potable\ntopics: [water]\n---\nSegunda versión.\n");
                events.await();
            }
            Document after = page(p, "/es/knowledge/agua/");
            assertEquals("Agua potable", after.selectFirst("h1").text());
            assertTrue(after.text().contains("Segunda versión."));
            assertTrue(page(p, "/es/knowledge/").text().contains("Agua potable"), "the section list shows the new title");
            assertTrue(page(p, "/es/temas/water/").text().contains("Agua potable"), "so does the term page");
            String rebuilt = log.toString().lines().filter(l -> l.startsWith("Rebuilt")).findFirst().orElseThrow();
            var m = java.util.regex.Pattern.compile("Rebuilt (\\d+) pages in \\d+ ms \\((\\d+) rendered, (\\d+) unchanged;.*\\)").matcher(rebuilt);
            assertTrue(m.matches(), rebuilt);
            assertEquals(pages, Integer.parseInt(m.group(1)));
            int rendered = Integer.parseInt(m.group(2));
            assertTrue(rendered >= 4 && rendered < pages / 2, "the page, its translation's switcher, lists, home: " + rebuilt);
        }
    }

    @Test
    void theEditedPageIsShownBeforeTheRebuildAndOnlyChangedPagesReload() throws Exception {
        TestSite site = TestSite.create(dir, SITE);
        StringWriter log = new StringWriter();
        try (Preview p = Preview.start(site.dir(), InetAddress.getLoopbackAddress(), 0, false, new PrintWriter(log, true))) {
            String edited;
            String reload;
            try (ReloadEvents events = new ReloadEvents(p)) {
                site.writeFile("content/knowledge/agua.es.md", "---\ntitle: Agua potable\ntopics: [water]\n---\nSegunda versión.\n");
                edited = events.next("edited");
                // before the rebuild has answered, the edited page is served already
                Document early = page(p, "/es/knowledge/agua/");
                assertEquals("Agua potable", early.selectFirst("h1").text());
                reload = events.next("reload");
            }
            assertEquals("{\"pages\":[\"es/knowledge/agua/index.html\"]}", edited);
            List<String> reloaded = jsonList(reload);
            assertTrue(reloaded.contains("es/knowledge/index.html"), "the list shows the new title: " + reload);
            assertFalse(reloaded.contains("es/knowledge/agua/index.html"), "shown already, the same after the rebuild: " + reload);
            assertFalse(reloaded.contains("es/knowledge/aire/index.html"), "unchanged pages do not reload: " + reload);
            assertTrue(page(p, "/es/knowledge/").text().contains("Agua potable"));
            assertTrue(log.toString().contains("Showed es/knowledge/agua/index.html in "), log.toString());
            // a new page is more than an edit: only the rebuild answers, and the new page is among the changed ones
            try (ReloadEvents events = new ReloadEvents(p)) {
                site.writeFile("content/knowledge/suelo.es.md", "---\ntitle: Suelo\n---\nTexto.\n");
                assertTrue(jsonList(events.next("reload")).contains("es/knowledge/suelo/index.html"));
            }
            assertEquals(1, log.toString().lines().filter(l -> l.startsWith("Showed")).count(), log.toString());
        }
    }

    @Test
    void anEditShownByOtherPagesThroughTheLibraryReachesThem() throws Exception {
        // a community's page lists its people by name: the library gathers them from the people's pages
        TestSite site = TestSite.create(dir, """
                -- content/communities/agua.es.md --
                ---
                title: Comunidad del agua
                ---
                Quiénes somos.
                -- content/knowledge/agua.es.md --
                ---
                title: Agua
                ---
                Texto.
                -- content/people/ana.es.md --
                ---
                title: Ana Pérez
                community: agua
                public: true
                ---
                Ingeniera.
                """);
        StringWriter log = new StringWriter();
        try (Preview p = Preview.start(site.dir(), InetAddress.getLoopbackAddress(), 0, false, new PrintWriter(log, true))) {
            assertTrue(page(p, "/es/communities/agua/").select("[data-community] a").text().contains("Ana Pérez"), log.toString());
            try (ReloadEvents events = new ReloadEvents(p)) {
                site.writeFile("content/people/ana.es.md", "---\ntitle: Ana María Pérez\ncommunity: agua\npublic: true\n---\nIngeniera.\n");
                events.await();
            }
            assertTrue(page(p, "/es/communities/agua/").select("[data-community] a").text().contains("Ana María Pérez"),
                    "the community's page shows the new name: " + log);
        }
    }

    private static List<String> jsonList(String data) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(data).get("pages").forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void theSearchIndexFollowsAnEditFromTheBackground() throws Exception {
        TestSite site = TestSite.create(dir, SITE);
        try (Preview p = Preview.start(site.dir(), InetAddress.getLoopbackAddress(), 0, false, new PrintWriter(new StringWriter(), true))) {
            String before = get(p, "/es/search/index.js");
            assertEquals(200, status(before));
            try (ReloadEvents events = new ReloadEvents(p)) {
                site.writeFile("content/knowledge/aire.es.md", "---\ntitle: Aire limpio\n---\nCalidad del aire y ozono troposférico.\n");
                events.await();
            }
            // the edited page is served at once; the index is made again on a background thread and then served
            assertEquals("Aire limpio", page(p, "/es/knowledge/aire/").selectFirst("h1").text());
            long deadline = System.nanoTime() + 60_000_000_000L;
            String after = before;
            while (after.equals(before) && System.nanoTime() < deadline) {
                after = get(p, "/es/search/index.js");
                Thread.onSpinWait();
            }
            assertEquals(200, status(after));
            assertFalse(after.equals(before), "the served search index was made again after the edit");
        }
    }

    @Test
    void aBrokenEditKeepsTheLastGoodSiteAndShowsItsProblems() throws Exception {
        TestSite site = TestSite.create(dir, SITE);
        try (Preview p = Preview.start(site.dir(), InetAddress.getLoopbackAddress(), 0, false, new PrintWriter(new StringWriter(), true))) {
            try (ReloadEvents events = new ReloadEvents(p)) {
                site.writeFile("content/knowledge/agua.es.md", "---\ntitle: Agua rota\n---\nTexto.\n\n{{< nota >}}x{{< /nota >}}\n");
                events.await();
            }
            Document shown = page(p, "/es/knowledge/aire/");
            assertEquals("Aire", shown.selectFirst("h1").text());
            List<String> where = shown.select("#acervo-problems li code.where").eachText();
            assertEquals(List.of("content/knowledge/agua.es.md:6:1"), where);
            assertTrue(shown.selectFirst("#acervo-problems li").text().contains("unknown shortcode 'nota' did you mean 'note'?"),
                    shown.selectFirst("#acervo-problems").text());
            assertEquals("Agua", page(p, "/es/knowledge/agua/").selectFirst("h1").text(), "the last good page stays");
            try (ReloadEvents events = new ReloadEvents(p)) {
                site.writeFile("content/knowledge/agua.es.md", "---\ntitle: Agua arreglada\n---\nTexto.\n");
                events.await();
            }
            Document fixed = page(p, "/es/knowledge/agua/");
            assertEquals("Agua arreglada", fixed.selectFirst("h1").text());
            assertTrue(fixed.select("#acervo-problems").isEmpty());
        }
    }

    @Test
    void newFoldersAreWatchedAndTheBuiltSiteHasNoReloadScript() throws Exception {
        TestSite site = TestSite.create(dir, SITE).buildOk();
        assertFalse(site.text("es/knowledge/agua/index.html").contains("live-reload"));
        try (Preview p = Preview.start(site.dir(), InetAddress.getLoopbackAddress(), 0, false, new PrintWriter(new StringWriter(), true))) {
            try (ReloadEvents events = new ReloadEvents(p)) {
                Files.createDirectories(dir.resolve("content/cases"));
                events.await();
            }
            try (ReloadEvents events = new ReloadEvents(p)) {
                site.writeFile("content/cases/lima.es.md", "---\ntitle: Lima\n---\nTexto.\n");
                events.await();
            }
            assertEquals("Lima", page(p, "/es/cases/lima/").selectFirst("h1").text());
        }
    }
}
