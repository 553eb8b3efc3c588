package org.acervo.light;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.acervo.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code acervo bundle}, the bundles the build offers on the home pages, and the opt-in service worker. */
class OfflineBundleTest {
    @TempDir
    Path dir;

    static final String SITE = """
            -- content/_index.es.md --
            ---
            title: Inicio
            ---
            Bienvenida.
            -- content/_index.en.md --
            ---
            title: Home
            ---
            Welcome.
            -- content/knowledge/_index.es.md --
            ---
            title: Conocimiento
            slug: conocimiento
            ---
            -- content/knowledge/agua.es.md --
            ---
            title: Agua
            topics: [water]
            ---
            Ver [la guía](../manuals/guia.md) y [el transporte](transporte.md).
            -- content/knowledge/transporte.es.md --
            ---
            title: Transporte
            ---
            Texto.
            -- content/knowledge/agua.en.md --
            ---
            title: Water
            ---
            Text.
            -- content/manuals/guia.es.md --
            ---
            title: Guía
            ---
            Texto.
            """;

    static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) out.put(e.getName(), z.readAllBytes());
        }
        return out;
    }

    static Document html(Map<String, byte[]> zip, String name) {
        byte[] b = zip.get(name);
        assertNotNull(b, name + " not in " + zip.keySet());
        return Jsoup.parse(new String(b, StandardCharsets.UTF_8));
    }

    @Test
    void bundleOfOneLanguageAndSectionLinksToIndexFilesAndMarksWhatItLeftOut() throws IOException {
        TestSite site = TestSite.create(dir, SITE);
        Path zipFile = dir.resolve("out/es-knowledge.zip");
        site.run("bundle", "--source", dir.toString(), "--lang", "es", "--section", "knowledge", "--output", zipFile.toString());
        assertEquals(0, site.exit(), site.err());
        Map<String, byte[]> zip = unzip(zipFile);
        String top = "acervo-es-knowledge/";
        assertTrue(zip.keySet().stream().allMatch(n -> n.startsWith(top)), zip.keySet().toString());
        assertTrue(zip.containsKey(top + "es/conocimiento/agua/index.html"));
        assertTrue(zip.containsKey(top + "es/index.html"));
        assertTrue(zip.containsKey(top + "es/search/index.html"));
        assertTrue(zip.keySet().stream().noneMatch(n -> n.startsWith(top + "en/")), "only Spanish");
        assertTrue(zip.keySet().stream().noneMatch(n -> n.startsWith(top + "es/manuals/") || n.startsWith(top + "es/temas/")), "only the section");
        assertTrue(zip.keySet().stream().noneMatch(n -> n.endsWith(".gz") || n.contains("downloads/") || n.contains("_editors/")));
        // the top page sends to the language
        assertTrue(new String(zip.get(top + "index.html"), StandardCharsets.UTF_8).contains("url=es/index.html"));

        Document page = html(zip, top + "es/conocimiento/agua/index.html");
        for (Element a : page.select("a[href]")) {
            String href = a.attr("href");
            if (href.startsWith("#") || href.startsWith("http")) continue;
            String path = href.replaceAll("[?#].*$", "");
            assertFalse(path.endsWith("/") || path.isEmpty(), "folder link " + href);
            Path resolved = Path.of("/" + top + "es/conocimiento/agua/").resolve(path).normalize();
            assertTrue(zip.containsKey(resolved.toString().substring(1)), href + " -> " + resolved);
        }
        assertEquals("../transporte/index.html", page.selectFirst("main a:containsOwn(el transporte)").attr("href"));
        // left out, and the site has no baseURL: the link loses its address and says why
        Element guide = page.selectFirst("main a:containsOwn(la guía)");
        assertFalse(guide.hasAttr("href"));
        assertTrue(guide.hasAttr("data-offline-missing"));
        assertFalse(guide.attr("title").isBlank());
        // no download link inside the bundle
        assertTrue(html(zip, top + "es/index.html").select("[data-offline-bundle]").isEmpty());
    }

    @Test
    void withABaseUrlLinksToWhatTheBundleLeftOutGoOnline() throws IOException {
        TestSite site = TestSite.create(dir, SITE + "-- site.yaml --\n" + TestSite.DEFAULT_CONFIG + "baseURL: https://biblioteca.example.org/\n");
        Path zipFile = dir.resolve("b.zip");
        site.run("bundle", "--source", dir.toString(), "--lang", "es", "--output", zipFile.toString());
        assertEquals(0, site.exit(), site.err());
        Document page = html(unzip(zipFile), "acervo-es/es/conocimiento/agua/index.html");
        Element other = page.selectFirst("a[data-lang-switch]");
        assertEquals("https://biblioteca.example.org/en/knowledge/agua/", other.attr("href"));
        assertEquals("../../manuals/guia/index.html", page.selectFirst("main a:containsOwn(la guía)").attr("href"));
    }

    /**
     * The build makes each bundle page from the published page's text; {@code acervo bundle} rewrites the parsed page.
     * Over the whole demo library, with and without a baseURL and offline reading, both give the very same bytes.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "baseURL: https://biblioteca.example.org/\noffline: true\n"})
    void theBuildsBundleCopiesAreThoseOfTheParsedPages(String extra) throws IOException {
        Path demo = dir.resolve("demo");
        for (String part : new String[] {"content", "themes"}) copyTree(Path.of(part), demo.resolve(part));
        Files.writeString(demo.resolve("site.yaml"), Files.readString(Path.of("site.yaml")) + extra);
        TestSite site = TestSite.create(dir.resolve("unused"), "");
        site.run("build", "--source", demo.toString(), "--output", dir.resolve("public").toString());
        assertEquals(0, site.exit(), site.err());
        for (String lang : new String[] {"es", "en"}) {
            Path alone = dir.resolve(lang + ".zip");
            site.run("bundle", "--source", demo.toString(), "--lang", lang, "--output", alone.toString());
            assertEquals(0, site.exit(), site.err());
            Map<String, byte[]> built = unzip(dir.resolve("public/downloads/acervo-" + lang + ".zip"));
            Map<String, byte[]> parsed = unzip(alone);
            assertEquals(parsed.keySet(), built.keySet());
            long pages = 0;
            for (String entry : parsed.keySet()) {
                if (entry.endsWith(".html")) {
                    assertEquals(new String(parsed.get(entry), StandardCharsets.UTF_8), new String(built.get(entry), StandardCharsets.UTF_8), entry);
                    pages++;
                } else {
                    org.junit.jupiter.api.Assertions.assertArrayEquals(parsed.get(entry), built.get(entry), entry);
                }
            }
            assertTrue(pages > 90, lang + ": " + pages + " pages compared");
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
    }

    @Test
    void unknownLanguageOrSectionIsAUsageErrorNamingTheChoices() {
        TestSite site = TestSite.create(dir, SITE);
        site.run("bundle", "--source", dir.toString(), "--section", "knowlege");
        assertEquals(2, site.exit());
        assertTrue(site.err().contains("unknown section 'knowlege' (did you mean 'knowledge'?"), site.err());
        site.run("bundle", "--source", dir.toString(), "--lang", "fr");
        assertEquals(2, site.exit());
        assertTrue(site.err().contains("unknown language 'fr' (the site has es, en)"), site.err());
    }

    @Test
    void theBundleNeverReplacesTheSitesFilesOrGoesIntoItsSources() throws IOException {
        TestSite site = TestSite.create(dir, SITE);
        String config = Files.readString(dir.resolve("site.yaml"));
        site.run("bundle", "--source", dir.toString(), "--output", dir.resolve("site.yaml").toString());
        assertEquals(2, site.exit());
        assertTrue(site.err().contains("is a file that is not a zip, and would be lost"), site.err());
        assertEquals(config, Files.readString(dir.resolve("site.yaml")), "site.yaml untouched");
        site.run("bundle", "--source", dir.toString(), "--output", dir.resolve("content/x.zip").toString());
        assertEquals(2, site.exit());
        assertTrue(site.err().contains("is inside the site's content/ folder"), site.err());
        assertFalse(Files.exists(dir.resolve("content/x.zip")));
        Path zip = dir.resolve("out.zip");
        site.run("bundle", "--source", dir.toString(), "--output", zip.toString());
        assertEquals(0, site.exit(), site.err());
        site.run("bundle", "--source", dir.toString(), "--output", zip.toString());
        assertEquals(0, site.exit(), "a zip it wrote before is replaced: " + site.err());
    }

    @Test
    void theHomePageOffersTheBundleOfItsLanguageWithItsSize() throws IOException {
        TestSite site = TestSite.create(dir, SITE).buildOk();
        for (String lang : new String[] {"es", "en"}) {
            Element offer = site.html(lang + "/index.html").selectFirst("[data-offline-bundle]");
            assertNotNull(offer);
            Element link = offer.selectFirst("a[href]");
            assertEquals("../downloads/acervo-" + lang + ".zip", link.attr("href"));
            long size = Files.size(site.output().resolve("downloads/acervo-" + lang + ".zip"));
            assertEquals("(" + ByteSize.format(size, lang) + ")", offer.selectFirst("[data-bundle-size]").text());
            Map<String, byte[]> zip = unzip(site.output().resolve("downloads/acervo-" + lang + ".zip"));
            assertTrue(zip.containsKey("acervo-" + lang + "/" + lang + "/index.html"));
        }
    }

    @Test
    void theServiceWorkerIsOptInExternalAndAtTheTopOfTheSite() throws IOException {
        TestSite site = TestSite.create(dir, SITE).buildOk();
        assertFalse(site.exists("sw.js"));
        assertTrue(site.html("es/conocimiento/agua/index.html").select("script[src]").isEmpty());

        site.writeFile("site.yaml", TestSite.DEFAULT_CONFIG + "offline: true\n").buildOk();
        assertTrue(site.exists("sw.js"));
        for (String page : new String[] {"es/index.html", "es/conocimiento/agua/index.html"}) {
            Document doc = site.html(page);
            Element script = doc.selectFirst("script[data-offline-reading]");
            assertNotNull(script, page);
            assertTrue(script.data().isBlank(), "no inline script");
            assertTrue(site.exists(Path.of(page).getParent().resolve(script.attr("src")).normalize().toString()), script.attr("src"));
            assertEquals("sw.js", Path.of(page).getParent().resolve(script.attr("data-sw")).normalize().toString());
        }
        assertTrue(unzip(site.output().resolve("downloads/acervo-es.zip")).keySet().stream().noneMatch(n -> n.endsWith("sw.js")));
        assertTrue(html(unzip(site.output().resolve("downloads/acervo-es.zip")), "acervo-es/es/index.html").select("script[data-offline-reading]").isEmpty());
    }
}
