package org.acervo.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acervo.DemoSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo library in headless Chromium at a phone's width (360 px): on the home, section,
 * single, glossary, search and 404 pages of both languages, axe-core finds no violation, the
 * console shows no error, no request leaves the site, nothing scrolls sideways, and printing
 * hides the navigation.
 */
class DemoSiteBrowserTest {
    @TempDir
    static Path dir;
    static Path output;
    static StaticServer server;
    static Browser browser;
    static String axe;

    @BeforeAll
    static void start() throws IOException {
        output = DemoSite.build(dir.resolve("public"));
        try (InputStream in = DemoSiteBrowserTest.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        server = new StaticServer(output, true);
        browser = Browser.start(360, 800);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    /** The pages to check, found from the built home pages' menus so that translated addresses are followed. */
    static Map<String, String> pages() throws IOException {
        Map<String, String> pages = new LinkedHashMap<>();
        for (String lang : List.of("es", "en")) {
            Document home = Jsoup.parse(output.resolve(lang + "/index.html").toFile(), "UTF-8");
            String section = lang + "/" + home.selectFirst("nav.menu a").attr("href");
            String glossary = lang + "/" + home.select("nav.menu a").stream().filter(a -> a.attr("href").startsWith("glos")).findFirst()
                    .orElseThrow().attr("href");
            Document list = Jsoup.parse(output.resolve(section + "index.html").toFile(), "UTF-8");
            String single = section + list.selectFirst("ul.items a").attr("href");
            pages.put(lang + " home", lang + "/");
            pages.put(lang + " section", section);
            pages.put(lang + " single", single);
            pages.put(lang + " glossary", glossary);
            pages.put(lang + " search", lang + "/search/");
            pages.put(lang + " 404", lang + "/404.html");
        }
        return pages;
    }

    @Test
    void everyKindOfPagePassesAxeWithNoErrorsForeignRequestsOrSidewaysScroll() throws IOException {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> p : pages().entrySet()) {
            browser.open(server.url(p.getValue()));
            String where = p.getKey() + " (" + p.getValue() + ")";
            browser.js(axe);
            Object result = browser.driver().executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                            + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                            + "  done(r.violations.map(function (v) { return v.id + ': ' + v.help + ' at ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }));"
                            + "}, function (e) { done(['axe failed: ' + e]); });");
            for (Object v : (List<?>) result) failures.add(where + ": " + v);
            for (String e : browser.consoleErrors()) failures.add(where + ": console: " + e);
            for (String u : browser.requests()) if (!u.startsWith(server.url(""))) failures.add(where + ": request to " + u);
            Object sideways = browser.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (((Number) sideways).intValue() > 0) failures.add(where + ": scrolls sideways by " + sideways + " px at 360 px");
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void printingHidesTheNavigationAndKeepsTheText() throws IOException {
        String single = pages().get("es single");
        browser.open(server.url(single));
        try {
            browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            assertEquals(Boolean.TRUE, browser.js("return matchMedia('print').matches"));
            for (String hidden : List.of(".site-header nav.menu", ".site-footer", ".skip")) {
                assertEquals("none", browser.js("return getComputedStyle(document.querySelector(arguments[0])).display", hidden), hidden);
            }
            assertFalse("none".equals(browser.js("return getComputedStyle(document.querySelector('main h1')).display")));
            assertTrue(((String) browser.js("return document.querySelector('main').innerText")).length() > 200);
        } finally {
            browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }
}
