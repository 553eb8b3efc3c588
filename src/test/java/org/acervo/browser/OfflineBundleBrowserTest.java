package org.acervo.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.acervo.DemoSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** The demo library's offline bundle, as a reader gets it from the home page: unzipped and opened from disk, links and search working. */
class OfflineBundleBrowserTest {
    @TempDir
    Path dir;

    static void unzip(Path zip, Path to) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                Path f = to.resolve(e.getName()).normalize();
                assertTrue(f.startsWith(to), e.getName());
                Files.createDirectories(f.getParent());
                Files.write(f, z.readAllBytes());
            }
        }
    }

    @Test
    void theUnzippedBundleOpensFromDiskAndEveryLinkInItWorks() throws IOException {
        Path output = DemoSite.build(dir.resolve("public"));
        Path unzipped = dir.resolve("usb");
        unzip(output.resolve("downloads/acervo-es.zip"), unzipped);
        Path root = unzipped.resolve("acervo-es");

        // every link of every page points to a file of the bundle, or outside it (http, mailto)
        List<String> broken = new ArrayList<>();
        int links = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Document doc = Jsoup.parse(f.toFile(), "UTF-8");
                for (Element a : doc.select("a[href], link[href], script[src], img[src]")) {
                    String url = a.hasAttr("href") ? a.attr("href") : a.attr("src");
                    if (url.startsWith("#") || url.matches("^[a-z]+:.*")) continue;
                    String path = url.replaceAll("[?#].*$", "");
                    if (path.isEmpty()) continue;
                    links++;
                    Path target = f.getParent().resolve(java.net.URLDecoder.decode(path, java.nio.charset.StandardCharsets.UTF_8)).normalize();
                    if (!Files.isRegularFile(target)) broken.add(root.relativize(f) + " -> " + url);
                }
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(links > 1000, "links checked: " + links);

        try (Browser browser = Browser.start(360, 800)) {
            browser.open(root.resolve("index.html"));
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/es/index.html"));
            String home = browser.driver().findElement(By.tagName("h1")).getText();
            assertTrue(!home.isBlank());
            browser.driver().findElement(By.cssSelector("nav.menu a")).click();
            assertTrue(browser.driver().getCurrentUrl().endsWith("/index.html"), browser.driver().getCurrentUrl());
            assertEquals("section", browser.driver().findElement(By.tagName("body")).getAttribute("data-kind"));
            String title = browser.driver().findElement(By.cssSelector("ul.items a")).getText();
            browser.driver().findElement(By.cssSelector("ul.items a")).click();
            assertEquals("single", browser.driver().findElement(By.tagName("body")).getAttribute("data-kind"));
            assertEquals(title, browser.driver().findElement(By.cssSelector("main h1")).getText());
            browser.driver().findElement(By.cssSelector(".crumbs a")).click();
            assertEquals("home", browser.driver().findElement(By.tagName("body")).getAttribute("data-kind"));
            assertEquals(home, browser.driver().findElement(By.tagName("h1")).getText());

            // search, from disk: a query in the address runs on load; a result opens its page
            browser.open(root.resolve("es/search/index.html").toUri() + "?q=agua");
            browser.waitUpTo(Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector("[data-result] a[href]")).isEmpty());
            String found = browser.driver().findElement(By.cssSelector("[data-result] a[href]")).getText();
            browser.driver().findElement(By.cssSelector("[data-result] a[href]")).click();
            assertTrue(browser.driver().getCurrentUrl().startsWith("file:") && browser.driver().getCurrentUrl().endsWith("/index.html"),
                    browser.driver().getCurrentUrl());
            assertEquals(found, browser.driver().findElement(By.cssSelector("main h1")).getText());
            assertEquals(List.of(), browser.consoleErrors());
            assertTrue(browser.requests().stream().allMatch(u -> u.startsWith("file:")), "nothing but files");
        }
    }
}
