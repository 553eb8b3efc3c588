package org.acervo.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.acervo.TestSite;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StructuredDataTest {
    @TempDir
    Path dir;

    static final String HOSTILE = "Water </script><script>alert(1)</script> & \"quotes\" <!-- ]]>";

    static final String SITE = """
            -- site.yaml --
            languages:
              en: {name: English, title: Library}
              es: {name: Español, title: Biblioteca}
            baseURL: https://library.example.org/
            -- content/knowledge/water.en.md --
            ---
            title: '%1$s'
            description: '%1$s'
            date: 2024-03-01
            tags: ['%1$s']
            ---
            Text about water.
            -- content/glossary/_index.en.md --
            ---
            title: Glossary
            ---
            -- content/glossary/cadastre.en.md --
            ---
            title: '%1$s'
            description: The register of land.
            synonyms: ['</script>']
            ---
            A register.
            -- content/workshops/meeting.en.md --
            ---
            title: Regional meeting
            date: 2024-05-02
            city: Managua
            ---
            Agenda.
            -- content/manuals/guide.en.md --
            ---
            title: Guide
            ---
            A manual.
            -- content/communities/risk.en.md --
            ---
            title: Disaster risk community
            ---
            Members.
            -- content/case-studies/case.es.md --
            ---
            title: Un caso
            ---
            Texto.
            """.formatted(HOSTILE.replace("'", "''"));

    @Test
    void everyJsonLdBlockIsValidJsonAndHostileTextCannotBreakOut() throws Exception {
        TestSite site = TestSite.create(dir, SITE).buildOk();
        ObjectMapper json = new ObjectMapper();
        int blocks = 0;
        for (String file : site.files()) {
            if (!file.endsWith(".html")) continue;
            Document d = site.html(file);
            assertTrue(d.select("script:not([type=application/ld+json])").stream().noneMatch(s -> s.data().contains("alert(1)")), file);
            for (Element s : d.select("script[type=application/ld+json]")) {
                JsonNode n = json.readTree(s.data());
                assertEquals("https://schema.org", n.get("@context").asText(), file);
                blocks++;
            }
        }
        assertTrue(blocks > 8, "blocks: " + blocks);
        String raw = site.text("en/knowledge/water/index.html");
        assertFalse(raw.contains("<script>alert(1)"), "the title never closes the script element");
        JsonNode article = json.readTree(site.html("en/knowledge/water/index.html").selectFirst("script[type=application/ld+json]").data());
        assertEquals(HOSTILE, article.get("headline").asText(), "the text survives exactly");
    }

    @Test
    void eachKindOfPageHasItsSchemaType() throws Exception {
        TestSite site = TestSite.create(dir, SITE).buildOk();
        Map<String, String> expected = new HashMap<>(Map.of(
                "en/knowledge/water/index.html", "Article",
                "es/case-studies/case/index.html", "Article",
                "en/glossary/cadastre/index.html", "DefinedTerm",
                "en/glossary/index.html", "DefinedTermSet",
                "en/workshops/meeting/index.html", "Event",
                "en/manuals/guide/index.html", "DigitalDocument",
                "en/communities/risk/index.html", "Organization",
                "en/index.html", "WebSite"));
        ObjectMapper json = new ObjectMapper();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            JsonNode n = json.readTree(site.html(e.getKey()).selectFirst("script[type=application/ld+json]").data());
            assertEquals(e.getValue(), n.get("@type").asText(), e.getKey());
        }
        JsonNode event = json.readTree(site.html("en/workshops/meeting/index.html").selectFirst("script[type=application/ld+json]").data());
        assertTrue(event.get("startDate").asText().startsWith("2024-05-02"));
        assertEquals("Managua", event.get("location").get("name").asText());
        assertEquals("https://library.example.org/en/workshops/meeting/", event.get("url").asText());
        JsonNode set = json.readTree(site.html("en/glossary/index.html").selectFirst("script[type=application/ld+json]").data());
        assertEquals("DefinedTerm", set.get("hasDefinedTerm").get(0).get("@type").asText());
        JsonNode term = json.readTree(site.html("en/glossary/cadastre/index.html").selectFirst("script[type=application/ld+json]").data());
        assertEquals("DefinedTermSet", term.get("inDefinedTermSet").get("@type").asText());
        assertEquals("</script>", term.get("alternateName").get(0).asText());
    }
}
