package org.acervo.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.acervo.TestSite;
import org.acervo.browser.Browser;
import org.acervo.browser.StaticServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The search page in headless Chromium, over http and from disk, on a small bilingual site. */
class SearchBrowserTest {
    @TempDir
    static Path dir;
    static TestSite site;
    static StaticServer server;
    static Browser browser;

    @BeforeAll
    static void build() throws Exception {
        site = TestSite.create(dir, """
                -- content/knowledge/agua.es.md --
                ---
                title: Gestión del agua potable
                topics: [water]
                cities: [managua]
                ---
                La gestión comunitaria del agua en los barrios.
                -- content/knowledge/agua.en.md --
                ---
                title: Drinking water management
                topics: [water]
                ---
                Community water management in neighbourhoods.
                -- content/knowledge/presupuesto.es.md --
                ---
                title: Presupuesto del año
                topics: [transport]
                cities: [havana]
                ---
                El presupuesto de cada año se discute con los vecinos. Transporte y agua.
                -- content/knowledge/ano.es.md --
                ---
                title: Ano de prueba
                ---
                Una página cuyo título dice ano, sin eñe.
                -- content/knowledge/transporte.es.md --
                ---
                title: Transporte público y agua
                topics: [transport]
                cities: [managua]
                ---
                Rutas de autobús y paradas seguras.
                -- content/knowledge/transportistas.es.md --
                ---
                title: Transportistas
                ---
                Gremios de conductores.
                -- content/knowledge/bicycles.en.md --
                ---
                title: Bicycle lanes
                ---
                Protected bicycle lanes for commuters.
                -- content/glossary/cadastre.es.md --
                ---
                title: Catastro
                synonyms: [registro catastral]
                ---
                El inventario oficial de los inmuebles de un territorio.
                -- content/glossary/cadastre.en.md --
                ---
                title: Cadastre
                synonyms: [property register]
                ---
                The official inventory of the land parcels of a territory.
                -- content/knowledge/parcels.en.md --
                ---
                title: Mapping parcels with drones
                ---
                How a city keeps its cadastre up to date.
                -- content/knowledge/deeds.en.md --
                ---
                title: Deeds online
                ---
                Owners check the property register from home.
                """).buildOk();
        server = new StaticServer(site.output(), true);
        browser = Browser.start();
    }

    @AfterAll
    static void close() {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    /** Opens the search page with ?q= and waits until the results for that query are shown. */
    static List<WebElement> search(String url, String query) {
        browser.open(url + "?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        return waitFor(query);
    }

    static List<WebElement> waitFor(String query) {
        browser.waitUpTo(Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("[data-search-query]")).isEmpty()
                && query.equals(d.findElement(By.cssSelector("[data-search-query]")).getAttribute("data-search-query")));
        return browser.driver().findElements(By.cssSelector("[data-result]"));
    }

    static List<String> titles(List<WebElement> results) {
        return results.stream().map(r -> r.findElement(By.tagName("h2")).getText()).toList();
    }

    @Test
    void accentsFoldButEnyeStaysALetter() {
        String es = server.url("es/search/");
        assertEquals("Gestión del agua potable", titles(search(es, "gestion")).get(0));
        assertEquals(List.of("Presupuesto del año"), titles(search(es, "año")));
        assertEquals(List.of("Ano de prueba"), titles(search(es, "ano")));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void typoPrefixAndSeveralWords() {
        String es = server.url("es/search/");
        assertEquals("Gestión del agua potable", titles(search(es, "gestoin")).get(0));
        // the word being typed matches as a prefix
        browser.open(es);
        browser.driver().findElement(By.name("q")).sendKeys("presup");
        assertEquals("Presupuesto del año", titles(waitFor("presup")).get(0));
        assertEquals(List.of(), titles(search(es, "presup")), "a finished query (from the address) is not a prefix");
        // a word being typed that is already a word: its own pages first, then the longer words'
        browser.open(es);
        browser.driver().findElement(By.name("q")).sendKeys("transporte");
        List<String> typed = titles(waitFor("transporte"));
        assertEquals(3, typed.size(), typed.toString());
        assertEquals("Transportistas", typed.get(2), typed.toString());
        // all words first: both pages mention agua, only one transporte in its title
        List<String> both = titles(search(es, "transporte agua "));
        assertEquals(List.of("Transporte público y agua", "Presupuesto del año"), both.subList(0, 2));
        assertTrue(both.contains("Gestión del agua potable"), both.toString());
        // excerpts highlight the query words, as text
        List<WebElement> r = search(es, "barrios");
        assertEquals("barrios", r.get(0).findElement(By.cssSelector(".result-excerpt mark")).getText());
    }

    @Test
    void exactTitleFirst() {
        List<String> t = titles(search(server.url("es/search/"), "transporte público y agua"));
        assertEquals("Transporte público y agua", t.get(0));
    }

    @Test
    void filtersWithCounts() {
        List<WebElement> all = search(server.url("es/search/"), "agua");
        assertEquals(3, all.size());
        WebElement havana = browser.driver().findElement(By.cssSelector("[data-filter=cities] input[data-filter-value=havana]"));
        assertTrue(havana.findElement(By.xpath("..")).getText().endsWith("(1)"));
        WebElement managua = browser.driver().findElement(By.cssSelector("[data-filter=cities] input[data-filter-value=managua]"));
        assertTrue(managua.findElement(By.xpath("..")).getText().endsWith("(2)"), managua.findElement(By.xpath("..")).getText());
        managua.click();
        browser.waitUpTo(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("[data-result]")).size() == 2);
        assertEquals(List.of("Gestión del agua potable", "Transporte público y agua").stream().sorted().toList(),
                titles(browser.driver().findElements(By.cssSelector("[data-result]"))).stream().sorted().toList());
    }

    @Test
    void otherLanguageFollowsWhenFewLabelled() {
        List<WebElement> r = search(server.url("es/search/"), "bicycle");
        assertEquals(List.of("Bicycle lanes"), titles(r));
        assertEquals("en", r.get(0).getAttribute("lang"));
        assertFalse(r.get(0).findElements(By.cssSelector("[data-other-language=en]")).isEmpty());
        r.get(0).findElement(By.tagName("a")).click();
        assertEquals("Bicycle lanes", browser.driver().findElement(By.tagName("h1")).getText());
    }

    @Test
    void glossaryPairsFindTheOtherLanguageByTheReadersWords() {
        // no English page says "catastro": the glossary pairs it with "cadastre" and "property register"
        List<WebElement> r = search(server.url("es/search/"), "catastro");
        List<String> t = titles(r);
        assertEquals("Catastro", t.get(0));
        assertTrue(t.contains("Mapping parcels with drones"), t.toString());
        assertTrue(t.contains("Deeds online"), t.toString());
        WebElement parcels = r.get(t.indexOf("Mapping parcels with drones"));
        assertEquals("en", parcels.getAttribute("lang"));
        assertEquals("cadastre", parcels.findElement(By.cssSelector(".result-excerpt mark")).getText());
        // a form of several words: the Spanish synonym finds the English one, whose words must all be there
        List<String> several = titles(search(server.url("es/search/"), "registro catastral"));
        assertTrue(several.contains("Deeds online") && several.contains("Mapping parcels with drones"), several.toString());
        // the other way round, from English to Spanish
        assertTrue(titles(search(server.url("en/search/"), "cadastre")).contains("Catastro"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void resultsAsYouTypeAndNoRequestLeavesTheSite() {
        browser.open(server.url("en/search/"));
        browser.requests();
        WebElement input = browser.driver().findElement(By.name("q"));
        input.sendKeys("wat");
        assertEquals("Drinking water management", titles(waitFor("wat")).get(0));
        List<String> requests = browser.requests();
        assertFalse(requests.isEmpty());
        assertTrue(requests.stream().allMatch(u -> u.startsWith(server.url(""))), requests.toString());
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void worksFromDisk() {
        String page = site.output().resolve("es/search/index.html").toUri().toString();
        List<WebElement> r = search(page, "gestion");
        assertEquals("Gestión del agua potable", titles(r).get(0));
        assertEquals(List.of("Ano de prueba"), titles(search(page, "ano")));
        r = search(page, "gestion");
        r.get(0).findElement(By.tagName("a")).click();
        assertEquals("Gestión del agua potable", browser.driver().findElement(By.tagName("h1")).getText());
        assertTrue(browser.requests().stream().allMatch(u -> u.startsWith("file:")));
    }

    @Test
    void withoutJavaScriptThePageSaysSoAndLinksTheSections() {
        var html = site.html("es/search/index.html");
        assertFalse(html.select("[data-search-nojs] a[href]").isEmpty());
        assertEquals("q", html.selectFirst("form[data-search] input[type=search]").attr("name"));
    }
}
