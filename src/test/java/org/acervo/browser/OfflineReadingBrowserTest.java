package org.acervo.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.acervo.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** site.yaml {@code offline: true}: the service worker, served under a sub-path, keeps the pages a reader visited. */
class OfflineReadingBrowserTest {
    @TempDir
    Path dir;

    @Test
    void theWorkerIsScopedToTheSiteUnderASubPathAndKeepsVisitedPages() throws Exception {
        TestSite site = TestSite.create(dir, """
                -- content/knowledge/agua.es.md --
                ---
                title: Gestión del agua
                ---
                Texto.
                -- site.yaml --
                """ + TestSite.DEFAULT_CONFIG + "offline: true\n").buildOk();
        // the server's root is the site folder, so the output is served under the sub-path /public/
        try (StaticServer server = new StaticServer(site.dir(), true); Browser browser = Browser.start()) {
            browser.open(server.url("public/es/knowledge/agua/"));
            Object scope = browser.driver().executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                            + "navigator.serviceWorker.ready.then(function (r) { done(r.scope); }, function (e) { done('failed: ' + e); });");
            assertEquals(server.url("public/"), scope);
            browser.open(server.url("public/es/knowledge/agua/")); // now under the worker's control, which keeps the page
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(browser.js("return !!navigator.serviceWorker.controller")));
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> {
                Object kept = browser.driver().executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + "caches.match(location.href).then(function (r) { done(!!r); }, function () { done(false); });");
                return Boolean.TRUE.equals(kept);
            });
            assertEquals("Gestión del agua", browser.driver().findElement(By.tagName("h1")).getText());
            List<String> errors = browser.consoleErrors();
            assertEquals(List.of(), errors);
            assertTrue(browser.requests().stream().allMatch(u -> u.startsWith(server.url(""))));
        }
    }
}
