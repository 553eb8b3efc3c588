package org.acervo.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.acervo.TestSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What editors' tools produce that is not a mistake (a UTF-8 byte order mark, Windows line
 * ends) builds as if it were not there; the per-file limits are configurable and say which
 * file hit them and how to raise them.
 */
class EditorHabitsAndLimitsTest {
    @TempDir
    Path dir;

    private static final String PAGE = "---\ntitle: Gestión del agua\ndate: 2024-03-01\ntags: [cuencas, ríos]\n---\nPrimer párrafo.\n\n## Cuencas\n\n- uno\n- dos\n";

    @Test
    void byteOrderMarkAndWindowsLineEndsBuildLikePlainUtf8() {
        TestSite plain = TestSite.create(dir.resolve("plain"), "-- content/knowledge/agua.es.md --\n" + PAGE).buildOk();
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] crlf = PAGE.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        TestSite windows = TestSite.create(dir.resolve("windows"), "").writeBytes("content/knowledge/agua.es.md", BadInputTest.concat(bom, crlf)).buildOk();
        TestSite oldMac = TestSite.create(dir.resolve("mac"), "").writeBytes("content/knowledge/agua.es.md",
                PAGE.replace("\n", "\r").getBytes(StandardCharsets.UTF_8)).buildOk();
        Document expected = plain.html("es/knowledge/agua/index.html");
        assertEquals("Gestión del agua", expected.selectFirst("h1").text());
        for (TestSite s : new TestSite[] {windows, oldMac}) {
            Document d = s.html("es/knowledge/agua/index.html");
            assertEquals(expected.selectFirst("h1").text(), d.selectFirst("h1").text());
            assertEquals(expected.selectFirst(".content").html(), d.selectFirst(".content").html());
            assertEquals(expected.select(".terms a").eachText(), d.select(".terms a").eachText());
            assertEquals(expected.select("time").eachAttr("datetime"), d.select("time").eachAttr("datetime"));
            assertTrue(!d.html().contains("\uFEFF") && !d.html().contains("\r"), "no BOM or carriage return in the page");
        }
    }

    @Test
    void maxFileSizeIsConfigurableAndNamesTheFile() {
        String big = "---\ntitle: Grande\n---\n" + "Un párrafo bastante largo sobre el agua.\n\n".repeat(2_000);
        TestSite site = TestSite.create(dir, "-- site.yaml --\n" + TestSite.DEFAULT_CONFIG + "limits: {maxFileSize: 50KB}\n"
                + "-- content/knowledge/grande.es.md --\n" + big);
        site.build();
        assertEquals(1, site.exit());
        assertTrue(site.err().lines().anyMatch(l -> l.startsWith("content/knowledge/grande.es.md:1:1: file is too large")
                && l.contains("maxFileSize")), site.err());
        site.writeFile("site.yaml", TestSite.DEFAULT_CONFIG + "limits: {maxFileSize: 1MB}\n").buildOk();
        assertEquals("Grande", site.html("es/knowledge/grande/index.html").selectFirst("h1").text());
    }

    @Test
    void aSiteTooLargeForTheMemoryGivenSaysHowToGiveMoreAndLeavesTheOutput() throws Exception {
        // one file of 48 MB, allowed by the site, read by a Java given 32 MB
        TestSite site = TestSite.create(dir, "-- site.yaml --\n" + TestSite.DEFAULT_CONFIG + "limits: {maxFileSize: 100MB}\n"
                + "-- content/knowledge/agua.es.md --\n" + PAGE).buildOk();
        String before = SiteSnapshot.treeHash(site.dir().resolve("public"));
        StringBuilder huge = new StringBuilder("---\ntitle: Enorme\n---\n");
        String paragraph = "Un párrafo sobre cuencas, ríos y acuíferos, repetido hasta no caber en la memoria.\n\n";
        while (huge.length() < 48_000_000) huge.append(paragraph);
        site.writeFile("content/knowledge/enorme.es.md", huge.toString());
        Process p = CrashSafetyTest.cli(site.dir(), "-Xmx32m").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.waitFor(), out);
        assertTrue(out.contains("acervo: the site did not fit in the ") && out.contains("ACERVO_HEAP="), out);
        assertTrue(!out.contains("\tat ") && !out.contains("Exception in thread"), "no stack trace: " + out);
        assertEquals(before, SiteSnapshot.treeHash(site.dir().resolve("public")), "the previous site is untouched");
    }

    @Test
    void fileTimeoutIsConfigurableAndNamesTheFile() {
        String slow = "---\ntitle: Lento\n---\n" + "Un *párrafo* con [enlaces](https://example.org) y `código`.\n\n".repeat(4_000);
        TestSite site = TestSite.create(dir, "-- site.yaml --\n" + TestSite.DEFAULT_CONFIG + "limits: {fileTimeout: 1ms}\n"
                + "-- content/knowledge/lento.es.md --\n" + slow);
        site.build();
        assertEquals(1, site.exit(), site.err());
        assertTrue(site.err().lines().anyMatch(l -> l.startsWith("content/knowledge/lento.es.md:1:1: ")
                && l.contains("took longer than the limit of 1ms") && l.contains("fileTimeout")), site.err());
        site.writeFile("site.yaml", TestSite.DEFAULT_CONFIG + "limits: {fileTimeout: 5m}\n").buildOk();
        assertEquals("Lento", site.html("es/knowledge/lento/index.html").selectFirst("h1").text());
    }

    @Test
    void zeroLimitsAreRefused() {
        TestSite site = TestSite.create(dir, "-- site.yaml --\n" + TestSite.DEFAULT_CONFIG + "limits: {maxFileSize: 0KB, fileTimeout: 0s}\n");
        site.build();
        assertEquals(1, site.exit());
        int line = (int) TestSite.DEFAULT_CONFIG.lines().count() + 1;
        assertEquals(2, site.err().lines().filter(l -> l.startsWith("site.yaml:" + line + ":")).count(), site.err());
    }
}
