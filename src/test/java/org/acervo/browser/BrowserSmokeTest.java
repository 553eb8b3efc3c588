package org.acervo.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.acervo.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** A built site opens in a real browser, over http and from disk, with no errors and no request leaving it. */
class BrowserSmokeTest {
    @TempDir
    Path dir;

    @Test
    void pagesOpenOverHttpAndFromDiskWithoutErrorsOrForeignRequests() throws Exception {
        TestSite site = TestSite.create(dir, """
                -- content/knowledge/agua.es.md --
                ---
                title: Gestión del agua
                ---
                Texto.
                -- content/knowledge/agua.en.md --
                ---
                title: Water management
                ---
                Text.
                """).buildOk();
        try (StaticServer server = new StaticServer(site.output(), true); Browser browser = Browser.start()) {
            browser.open(server.url("es/knowledge/agua/"));
            assertEquals("Gestión del agua", browser.driver().findElement(By.tagName("h1")).getText());
            browser.driver().findElement(By.cssSelector("a[data-lang-switch][hreflang=en]")).click();
            assertEquals("Water management", browser.driver().findElement(By.tagName("h1")).getText());
            assertEquals(List.of(), browser.consoleErrors());
            List<String> requests = browser.requests();
            assertTrue(requests.size() >= 4, requests.toString());
            assertTrue(requests.stream().allMatch(u -> u.startsWith(server.url(""))), requests.toString());
            browser.open(site.output().resolve("es/knowledge/agua/index.html"));
            assertEquals("Gestión del agua", browser.driver().findElement(By.tagName("h1")).getText());
            Object width = browser.js("return document.documentElement.scrollWidth <= window.innerWidth");
            assertEquals(Boolean.TRUE, width);
        }
    }
}
