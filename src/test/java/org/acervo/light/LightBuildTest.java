package org.acervo.light;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.acervo.TestSite;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images, minifying, precompression, budgets and the weight report, on real builds. */
class LightBuildTest {
    @TempDir
    Path dir;
    @TempDir
    static Path shared;
    /** One build for the tests that only read its output. */
    static TestSite built;

    @BeforeAll
    static void buildOnce() throws IOException {
        built = site(shared).buildOk();
    }

    static final String PAGES = """
            -- content/knowledge/_index.es.md --
            ---
            title: Conocimiento
            slug: conocimiento
            ---
            -- content/knowledge/_index.en.md --
            ---
            title: Knowledge
            ---
            -- content/knowledge/mapa/index.es.md --
            ---
            title: Mapa de riesgo
            ---
            ![Mapa del barrio](mapa.jpg)

            ![Diagrama](ciclo.png)

            ![Animación pesada](pesada.gif)

            ![Animación ligera](ligera.gif)

            ![Logo](logo.svg)

            ```
            línea   con    espacios
              sangrada
            ```
            -- content/knowledge/mapa/index.en.md --
            ---
            title: Risk map
            ---
            ![Neighbourhood map](mapa.jpg)
            """;

    /** Gradients with grain: it compresses about as badly as a photograph. */
    static byte[] photo(int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int n = r.nextInt(60);
                int v = (x * 255 / w + n) / 2;
                img.setRGB(x, y, (v << 16) | ((y * 255 / h + n) / 2 << 8) | ((255 - v) & 0xff));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    static byte[] image(String format, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(11, 83, 148));
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    static TestSite site(Path dir) throws IOException {
        TestSite site = TestSite.create(dir, PAGES + "-- site.yaml --\n" + TestSite.DEFAULT_CONFIG + "budgets: {textPage: 14KB, withImages: 60KB}\n");
        site.writeBytes("content/knowledge/mapa/mapa.jpg", photo(1500, 900));
        site.writeBytes("content/knowledge/mapa/ciclo.png", image("png", 1400, 900));
        byte[] heavy = new byte[70 * 1024];
        byte[] gif = image("gif", 300, 200);
        System.arraycopy(gif, 0, heavy, 0, gif.length); // a GIF padded past the budget
        site.writeBytes("content/knowledge/mapa/pesada.gif", heavy);
        site.writeBytes("content/knowledge/mapa/ligera.gif", gif);
        site.writeFile("content/knowledge/mapa/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>");
        return site;
    }

    @Test
    void jpegAndPngGetSmallerCopiesSrcsetAndDimensionsAndAnOriginalOverBudgetIsOnlyLinked() throws IOException {
        TestSite site = built;
        Document page = site.html("es/conocimiento/mapa/index.html");
        Element map = page.selectFirst("img[alt='Mapa del barrio']");
        assertNotNull(map);
        assertEquals("lazy", map.attr("loading"));
        assertEquals("async", map.attr("decoding"));
        assertFalse(map.attr("sizes").isBlank());
        // smaller copies exist for the widths below the original's, and each is what srcset says
        for (int w : new int[] {360, 720, 1080}) {
            String file = "es/conocimiento/mapa/mapa." + w + "w.jpg";
            assertTrue(site.exists(file), file);
            BufferedImage copy = ImageIO.read(site.output().resolve(file).toFile());
            assertEquals(w, copy.getWidth());
            assertEquals(Math.round(900f * w / 1500), copy.getHeight());
        }
        // the 1500 px noisy original weighs more than the 60 KB budget: never shown inline, linked with its size
        long original = Files.size(site.output().resolve("es/conocimiento/mapa/mapa.jpg"));
        assertTrue(original > 60 * 1024, "the test image must be over budget: " + original);
        assertFalse(map.attr("srcset").contains("mapa.jpg "), map.attr("srcset"));
        assertFalse(map.attr("src").equals("mapa.jpg"));
        for (String candidate : map.attr("srcset").split(",\\s*")) {
            String file = candidate.split(" ")[0];
            assertTrue(Files.size(site.output().resolve("es/conocimiento/mapa/" + file)) <= 60 * 1024, candidate);
        }
        BufferedImage shown = ImageIO.read(site.output().resolve("es/conocimiento/mapa/" + map.attr("src")).toFile());
        assertEquals(String.valueOf(shown.getWidth()), map.attr("width"));
        assertEquals(String.valueOf(shown.getHeight()), map.attr("height"));
        Element link = page.selectFirst("a.image-original");
        assertNotNull(link, page.select("main").outerHtml());
        assertEquals("mapa.jpg", link.attr("href"));
        assertTrue(link.text().contains("JPEG, " + ByteSize.format(original, "es")), link.text());

        // a PNG diagram within budget: copies below its width, the original as the largest candidate
        Element png = page.selectFirst("img[alt=Diagrama]");
        assertTrue(png.attr("srcset").contains("ciclo.png 1400w"), png.attr("srcset"));
        assertTrue(png.attr("srcset").contains("ciclo.360w.png 360w"), png.attr("srcset"));
        long pngBytes = Files.size(site.output().resolve("es/conocimiento/mapa/ciclo.png"));
        for (String candidate : png.attr("srcset").split(",\\s*")) {
            String file = candidate.split(" ")[0];
            if (!file.equals("ciclo.png")) assertTrue(Files.size(site.output().resolve("es/conocimiento/mapa/" + file)) < pngBytes, candidate);
        }
    }

    @Test
    void formatsTheBuildCannotResizeAreShownWithinBudgetElseLinkedAndSvgPassesThrough() throws IOException {
        TestSite site = built;
        Document page = site.html("es/conocimiento/mapa/index.html");
        assertNull(page.selectFirst("img[alt='Animación pesada']"));
        Element heavy = page.selectFirst("a.image-link[href=pesada.gif]");
        assertNotNull(heavy);
        assertTrue(heavy.text().startsWith("Animación pesada (imagen, GIF, 70 KB"), heavy.text());
        Element light = page.selectFirst("img[alt='Animación ligera']");
        assertEquals("300", light.attr("width"));
        assertEquals("200", light.attr("height"));
        assertEquals("lazy", light.attr("loading"));
        Element svg = page.selectFirst("img[alt=Logo]");
        assertEquals("logo.svg", svg.attr("src"));
        assertEquals("lazy", svg.attr("loading"));
    }

    @Test
    void textFilesAreMinifiedAndHaveAGzipTwinWithTheSameContent() throws IOException {
        TestSite site = built;
        int checked = 0;
        for (String f : site.files()) {
            if (!Gzip.isText(f)) {
                assertFalse(site.exists(f + ".gz") && !f.endsWith(".gz"), "no gzip for binary " + f);
                continue;
            }
            assertTrue(site.exists(f + ".gz"), "missing " + f + ".gz");
            byte[] plain = Files.readAllBytes(site.output().resolve(f));
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(site.output().resolve(f + ".gz"))))) {
                assertArrayEquals(plain, in.readAllBytes(), f);
            }
            checked++;
        }
        assertTrue(checked > 20, "text files checked: " + checked);
        String html = site.text("es/conocimiento/mapa/index.html");
        assertFalse(html.replaceAll("(?s)<pre>.*?</pre>", "").matches("(?s).*>\\s*\\n\\s*<.*"), "white space between tags is gone");
        assertFalse(html.contains("<!--"));
        Document page = site.html("es/conocimiento/mapa/index.html");
        assertEquals("línea   con    espacios\n  sangrada\n", page.selectFirst("pre").wholeText());
        String css = site.files().stream().filter(f -> f.matches("assets/style\\.[0-9a-f]+\\.css")).findFirst().map(site::text).orElseThrow();
        assertFalse(css.contains("/*"), "comments stripped");
        assertFalse(css.contains("\n  "), "indentation stripped");
        assertTrue(css.contains("@media print{"), css);
    }

    @Test
    void pagesOverBudgetAreWarnedAboutAndStrictMakesThemErrorsLeavingTheOutputAsItWas() throws IOException {
        TestSite site = site(dir).buildOk();
        assertFalse(site.err().contains("over the budget"), site.err());
        assertTrue(site.err().contains("page weight:"), site.err());
        StringBuilder longText = new StringBuilder("---\ntitle: Texto largo\n---\n");
        Random r = new Random(3);
        for (int i = 0; i < 4000; i++) longText.append(Long.toString(r.nextLong(), 36)).append(i % 12 == 0 ? "\n\n" : " ");
        site.writeFile("content/knowledge/largo.es.md", longText.toString());
        site.build();
        assertEquals(0, site.exit(), site.err());
        assertTrue(site.err().contains("warning: content/knowledge/largo.es.md: page es/conocimiento/largo/ weighs"), site.err());
        assertTrue(site.exists("es/conocimiento/largo/index.html"));

        site.writeFile("content/knowledge/largo2.es.md", longText.toString().replace("Texto largo", "Otro texto largo"));
        site.build("--strict");
        assertEquals(1, site.exit(), site.err());
        assertTrue(site.err().contains("content/knowledge/largo2.es.md: page es/conocimiento/largo2/ weighs"), site.err());
        assertFalse(site.exists("es/conocimiento/largo2/index.html"), "the previous output stays");
        assertTrue(site.exists("es/conocimiento/largo/index.html"));
    }

    @Test
    void theWeightReportListsTheHeaviestPagesIsNotIndexedAndNotLinked() throws IOException {
        TestSite site = built;
        Document report = site.html(WeightReport.path("es"));
        assertEquals("noindex, nofollow", report.selectFirst("meta[name=robots]").attr("content"));
        Element first = report.select("table").last().selectFirst("tbody tr");
        // the image page is the heaviest: its row names the image that makes it heavy
        assertEquals("es/conocimiento/mapa/", first.selectFirst("a").text());
        assertTrue(first.text().contains("mapa.") && first.text().contains("image"), first.text());
        for (String f : site.files()) {
            if (f.endsWith(".html") && !f.startsWith("es/_editors/")) {
                assertTrue(site.html(f).select("a[href*=_editors]").isEmpty(), f + " links to the report");
            }
        }
    }
}
