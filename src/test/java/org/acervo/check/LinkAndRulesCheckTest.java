package org.acervo.check;

import static org.acervo.check.TranslationCheckTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.acervo.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** acervo check: links in the built site, external links against a local server, front matter rules. */
class LinkAndRulesCheckTest {
    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Map<String, Object> m, String... keys) {
        Object o = m;
        for (String k : keys) o = ((Map<String, Object>) o).get(k);
        return (List<Map<String, Object>>) o;
    }

    @Test
    void brokenAnchorsAndSitePathsAreReportedWithTheirPage() {
        TestSite site = TestSite.create(dir, """
                -- content/knowledge/agua.es.md --
                ---
                title: Agua
                ---
                ## Tarifas

                Ver [las tarifas](#tarifas), [un error](#tarifa), [otra página](aire.md#nada) y [fuera](/es/no-existe/).
                -- content/knowledge/aire.es.md --
                ---
                title: Aire
                ---
                Texto.
                """).run("check", "--source", dir.toString(), "--format", "json");
        assertEquals(1, site.exit(), site.out() + site.err());
        Map<String, Object> report = json(site.out());
        List<Map<String, Object>> broken = maps(report, "links", "broken");
        List<String> targets = broken.stream().map(b -> b.get("page") + " " + b.get("target")).toList();
        assertEquals(List.of("es/knowledge/agua/index.html #tarifa", "es/knowledge/agua/index.html ../../no-existe/",
                "es/knowledge/agua/index.html ../aire/#nada"), targets.stream().sorted().toList(), broken.toString());
        assertTrue(broken.stream().anyMatch(b -> b.get("reason").toString().contains("did you mean '#tarifas'")), broken.toString());
        site.run("check", "--source", dir.toString());
        assertTrue(site.out().contains("es/knowledge/agua/index.html: #tarifa (no element with id 'tarifa'"), site.out());
        site.run("check", "--source", dir.toString(), "--max-broken-links", "3");
        assertEquals(0, site.exit(), site.out());
    }

    @Test
    void aCleanSitePasses() {
        TestSite site = TestSite.create(dir, """
                -- content/knowledge/agua.es.md --
                ---
                title: Agua
                ---
                [Aire](aire.md)
                -- content/knowledge/aire.es.md --
                ---
                title: Aire
                ---
                Texto.
                """).run("check", "--source", dir.toString());
        assertEquals(0, site.exit(), site.out() + site.err());
        assertTrue(site.out().contains("Check passed."), site.out());
        Map<String, Object> report = json(site.run("check", "--source", dir.toString(), "--format", "json").out());
        assertTrue(((Number) ((Map<?, ?>) report.get("links")).get("checked")).intValue() > 20, report.toString());
    }

    @Test
    void frontMatterRulesFromSiteYaml() {
        TestSite site = TestSite.create(dir, """
                -- site.yaml --
                languages:
                  es: {name: Español, title: Biblioteca}
                  en: {name: English, title: Library}
                rules:
                  knowledge:
                    required: [description, audience]
                    allowed:
                      audience: [policy, practice]
                -- content/knowledge/agua.es.md --
                ---
                title: Agua
                description: Cómo cobrar el agua.
                audience: [policy, practise]
                ---
                Texto.
                -- content/knowledge/aire.es.md --
                ---
                title: Aire
                audience: practice
                ---
                Texto.
                -- content/cities/lima.es.md --
                ---
                title: Lima
                ---
                Texto.
                """).run("check", "--source", dir.toString(), "--format", "json");
        assertEquals(1, site.exit());
        List<String> messages = maps(json(site.out()), "frontMatter").stream().map(m -> (String) m.get("message")).toList();
        assertEquals(List.of(
                "content/knowledge/agua.es.md:4:1: 'practise' is not an allowed audience in 'knowledge' (did you mean 'practice'? allowed: policy, practice)",
                "content/knowledge/aire.es.md:1:1: the front matter has no 'description', which every page of 'knowledge' needs"
                        + " (add a line description: ... between the --- lines (rules for knowledge in site.yaml, line 5))"), messages);
        site.run("check", "--source", dir.toString(), "--max-rule-problems", "2");
        assertEquals(0, site.exit(), site.out());
    }

    @Test
    void unknownRuleKeysInSiteYamlAreErrorsWithDidYouMean() {
        TestSite site = TestSite.create(dir, """
                -- site.yaml --
                languages:
                  es: {name: Español, title: Biblioteca}
                rules:
                  knowledge:
                    requried: [description]
                -- content/knowledge/agua.es.md --
                ---
                title: Agua
                ---
                """).run("check", "--source", dir.toString());
        assertEquals(1, site.exit());
        assertTrue(site.err().contains("site.yaml:5:5: unknown key 'requried' in rules for 'knowledge' (did you mean 'required'?"), site.err());
    }

    @Test
    void anExternalLinkWhoseHostCannotBeReadIsReportedNotACrash() {
        TestSite site = TestSite.create(dir, """
                -- content/knowledge/agua.es.md --
                ---
                title: Agua
                ---
                [el portal](https://my_site.example.org/)
                """);
        site.run("check", "--source", dir.toString(), "--external");
        assertEquals(1, site.exit(), site.out() + site.err());
        assertTrue(site.out().contains("https://my_site.example.org/: not a valid address (its host name cannot be read)"),
                site.out() + site.err());
        assertFalse(site.err().contains("internal error"), site.err());
    }

    @Test
    void externalLinksAreCheckedAgainstALocalServerAndCached() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger asked = new AtomicInteger();
        server.createContext("/", x -> {
            asked.incrementAndGet();
            x.sendResponseHeaders(x.getRequestURI().getPath().equals("/ok") ? 200 : 404, -1);
            x.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try {
            TestSite site = TestSite.create(dir, """
                    -- content/knowledge/agua.es.md --
                    ---
                    title: Agua
                    ---
                    [bien](BASE/ok) y [mal](BASE/gone)
                    """.replace("BASE", base));
            site.run("check", "--source", dir.toString(), "--format", "json");
            assertEquals(0, site.exit(), "without --external nothing is fetched: " + site.out());
            assertEquals(0, asked.get());

            site.run("check", "--source", dir.toString(), "--format", "json", "--external");
            assertEquals(1, site.exit(), site.out());
            List<Map<String, Object>> links = maps(json(site.out()), "links", "external", "links");
            Map<String, Object> ok = links.stream().filter(l -> l.get("url").equals(base + "/ok")).findFirst().orElseThrow();
            Map<String, Object> gone = links.stream().filter(l -> l.get("url").equals(base + "/gone")).findFirst().orElseThrow();
            assertEquals(true, ok.get("ok"));
            assertEquals(404, ((Number) gone.get("status")).intValue());
            assertEquals(List.of("es/knowledge/agua/index.html"), gone.get("pages"));
            assertTrue(Files.readString(dir.resolve(".acervo/external-links.tsv")).contains(base + "/gone\t404\t"));
            int before = asked.get();
            site.run("check", "--source", dir.toString(), "--external", "--max-broken-external", "1");
            assertEquals(0, site.exit(), site.out());
            assertEquals(before, asked.get(), "the second check answers from the cache");
        } finally {
            server.stop(0);
        }
    }
}
