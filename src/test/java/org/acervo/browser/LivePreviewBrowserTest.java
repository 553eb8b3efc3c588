package org.acervo.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.acervo.TestSite;
import org.acervo.serve.Preview;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;

/** A page open in a real browser under acervo serve changes by itself when its file is edited. */
class LivePreviewBrowserTest {
    @TempDir
    Path dir;

    @Test
    void editingAFileReloadsTheOpenPage() {
        TestSite site = TestSite.create(dir, """
                -- content/knowledge/agua.es.md --
                ---
                title: Gestión del agua
                ---
                Primera versión.
                """);
        try (Browser browser = Browser.start();
             Preview preview = Preview.start(site.dir(), InetAddress.getLoopbackAddress(), 0, false, new PrintWriter(new StringWriter(), true))) {
            browser.open(preview.url() + "es/knowledge/agua/");
            assertEquals("Gestión del agua", browser.driver().findElement(By.tagName("h1")).getText());
            // the page has connected to the reload events before the file changes
            browser.waitUpTo(Duration.ofSeconds(30)).until(d -> preview.listeners() == 1);
            site.writeFile("content/knowledge/agua.es.md", "---\ntitle: Gestión del agua potable\n---\nSegunda versión.\n");
            // a save can come as several file events, so the page may reload more than once: wait, ignoring reloads
            browser.waitUpTo(Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.tagName("h1")).getText().equals("Gestión del agua potable")
                            && d.findElement(By.tagName("main")).getText().contains("Segunda versión."));

            // a broken edit: the page reloads, still shows the last good text, and the problem with its place
            site.writeFile("content/knowledge/agua.es.md", "---\ntitle: Roto\ntopics: [agu]\n---\nTexto.\n");
            String problems = browser.waitUpTo(Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElements(By.id("acervo-problems")).isEmpty() ? null
                            : d.findElement(By.tagName("h1")).getText() + "\n" + d.findElement(By.id("acervo-problems")).getText());
            assertTrue(problems.startsWith("Gestión del agua potable\n"), "the last good page stays: " + problems);
            assertTrue(problems.contains("content/knowledge/agua.es.md:3:"), problems);
            assertTrue(problems.contains("did you mean 'water' (Agua)?"), problems);
            assertEquals(List.of(), browser.consoleErrors());
        }
    }
}
