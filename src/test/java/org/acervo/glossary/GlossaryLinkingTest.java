package org.acervo.glossary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.acervo.TestSite;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlossaryLinkingTest {
    @TempDir
    Path dir;

    static final String SITE = """
            -- site.yaml --
            languages:
              en: {name: English, title: Library, menu: [{label: Knowledge, page: knowledge}]}
              es: {name: Español, title: Biblioteca, menu: [{label: Conocimiento, page: knowledge}]}
            paginate: 2
            -- content/glossary/_index.en.md --
            ---
            title: Glossary
            ---
            The terms of the library.
            -- content/glossary/_index.es.md --
            ---
            title: Glosario
            slug: glosario
            ---
            Los términos de la biblioteca.
            -- content/glossary/cadastre.en.md --
            ---
            title: Cadastre
            description: The official inventory of the land parcels of a territory.
            synonyms: [property register]
            ---
            A cadastre lists every parcel. It feeds the property tax and the geographic information system.
            -- content/glossary/cadastre.es.md --
            ---
            title: Catastro
            slug: catastro
            description: El inventario oficial de los inmuebles de un territorio.
            synonyms: [registro catastral]
            ---
            El catastro registra cada predio.
            -- content/glossary/geographic-information-system.en.md --
            ---
            title: Geographic information system
            description: Software and data to map information linked to places.
            abbr: GIS
            ---
            Maps and data.
            -- content/glossary/geographic-information-system.es.md --
            ---
            title: Sistema de información geográfica
            slug: sistema-de-informacion-geografica
            description: Programas y datos para hacer mapas.
            abbr: SIG
            ---
            Mapas y datos.
            -- content/glossary/informal-settlement.en.md --
            ---
            title: Informal settlement
            description: Housing built without title or permits.
            ---
            Only in English.
            -- content/glossary/property-tax.en.md --
            ---
            title: Property tax
            description: A local tax on land and buildings.
            ---
            The main local tax.
            -- content/knowledge/_index.en.md --
            ---
            title: Knowledge
            ---
            -- content/knowledge/land.en.md --
            ---
            title: Land records
            ---
            ## Cadastre in a heading

            Run `cadastre --update` first, and read [the cadastre guide](https://example.org/cadastre).

            Our old Cadastres were incomplete. The cadastre was then updated, and the property register too.

            Many informal settlements grew; we mapped them with a Gis, and the Property Taxes rose.

            ```
            cadastre in code
            ```
            -- content/knowledge/land.es.md --
            ---
            title: Registros de tierras
            ---
            Los catastros de la región estaban viejos; el catastro se actualizó.

            Usamos un sistema de informacion geografica. Los asentamientos informales crecieron.
            -- content/knowledge/quiet.en.md --
            ---
            title: A page without glossary links
            glossary: false
            ---
            The cadastre and the property tax are not linked here.
            -- content/knowledge/explicit.en.md --
            ---
            title: Explicit terms
            ---
            The {{< term "cadastre" "land register" >}} comes first; later the cadastre is not linked again.

            See also {{< term "GIS" >}}.
            """;

    @Test
    void synonymsWrittenAsAMappingAreReportedAtTheirLine() {
        TestSite site = TestSite.create(dir, SITE + """
                -- content/glossary/water-tariff.en.md --
                ---
                title: Water tariff
                synonyms: {en: [water rate], es: [tarifa de agua]}
                abbr: [[WT]]
                ---
                What a household pays for water.
                """).build();
        assertEquals(1, site.exit());
        assertTrue(site.err().contains("content/glossary/water-tariff.en.md:3:1: 'synonyms' must be a word or a list of words, not a mapping"),
                site.err());
        assertTrue(site.err().contains("content/glossary/water-tariff.en.md:4:1: 'abbr' must be a word or a list of words"), site.err());
        assertTrue(site.err().contains("each language's entry is its own file"), site.err());
    }

    @Test
    void firstOccurrenceOfEachTermLinksToItsPageWithInflectionsCaseAndAccents() {
        TestSite site = TestSite.create(dir, SITE).buildOk();
        Document en = site.html("en/knowledge/land/index.html");
        Elements cadastre = en.select("a[data-term=cadastre]");
        assertEquals(1, cadastre.size(), cadastre.toString());
        assertEquals("Cadastres", cadastre.first().text(), "plural and capital letter still match");
        assertEquals("geographic-information-system", en.selectFirst("a:containsOwn(Gis)").attr("data-term"), "abbreviation, any case");
        assertEquals("informal settlements", en.selectFirst("a[data-term=informal-settlement]").text());
        assertEquals("Property Taxes", en.selectFirst("a[data-term=property-tax]").text());
        Path target = Path.of(java.net.URI.create(cadastre.first().absUrl("href")));
        assertEquals(site.output().resolve("en/glossary/cadastre"), Files.isDirectory(target) ? target : target.getParent(),
                "links to the term's page");

        Document es = site.html("es/conocimiento/land/index.html".replace("conocimiento", "knowledge"));
        assertEquals("catastros", es.selectFirst("a[data-term=cadastre]").text());
        assertEquals(1, es.select("a[data-term=cadastre]").size());
        assertEquals("sistema de informacion geografica", es.selectFirst("a[data-term=geographic-information-system]").text(),
                "accents do not matter");
        assertTrue(es.select("a[data-term=informal-settlement]").isEmpty(), "an English-only term does not link in Spanish pages");
    }

    @Test
    void notInHeadingsCodeOrLinksAndTheSynonymOfALinkedTermIsNotLinkedAgain() {
        TestSite site = TestSite.create(dir, SITE).buildOk();
        Document en = site.html("en/knowledge/land/index.html");
        Element content = en.selectFirst(".content");
        assertTrue(content.select("h2 a, code a, pre a").isEmpty());
        assertEquals("https://example.org/cadastre", content.selectFirst("a:containsOwn(the cadastre guide)").attr("href"));
        assertTrue(content.selectFirst("a:containsOwn(the cadastre guide)").select("a[data-term]").isEmpty());
        assertTrue(en.select("a[data-term]:containsOwn(property register)").isEmpty(), "a synonym of a linked term stays text");
        // the text before the link is intact
        assertTrue(content.text().contains("Our old Cadastres were incomplete. The cadastre was then updated, and the property register too."));
    }

    @Test
    void shortDefinitionsAreOnThePageForEveryLinkedTerm() {
        TestSite site = TestSite.create(dir, SITE).buildOk();
        Document en = site.html("en/knowledge/land/index.html");
        Element defs = en.selectFirst("[data-glossary-terms]");
        assertNotNull(defs, "a list of the page's terms with their definitions");
        for (Element a : en.select("a[data-term]")) {
            String describedBy = a.attr("aria-describedby");
            Element dd = en.getElementById(describedBy);
            assertNotNull(dd, "definition of " + a.attr("data-term"));
            assertTrue(defs.select("dd").contains(dd));
        }
        assertEquals("The official inventory of the land parcels of a territory.",
                en.getElementById(en.selectFirst("a[data-term=cadastre]").attr("aria-describedby")).text());
    }

    @Test
    void optOutAndTheTermsOwnPage() {
        TestSite site = TestSite.create(dir, SITE).buildOk();
        assertTrue(site.html("en/knowledge/quiet/index.html").select("a[data-term]").isEmpty());
        Document own = site.html("en/glossary/cadastre/index.html");
        assertTrue(own.select("a[data-term=cadastre]").isEmpty(), "a term does not link to itself");
        assertEquals(1, own.select(".content a[data-term=property-tax]").size(), "a term page links other terms");
        assertEquals("Cadastre", own.selectFirst("h1 dfn").text());
    }

    @Test
    void theTermShortcodeLinksExplicitlyAndCountsAsTheFirstOccurrence() {
        TestSite site = TestSite.create(dir, SITE).buildOk();
        Document en = site.html("en/knowledge/explicit/index.html");
        Elements cadastre = en.select("a[data-term=cadastre]");
        assertEquals(1, cadastre.size());
        assertEquals("land register", cadastre.first().text());
        assertEquals("Geographic information system", en.selectFirst("a[data-term=geographic-information-system]").text());
    }

    @Test
    void anUnknownTermInTheShortcodeIsAnErrorAtItsLine() {
        TestSite site = TestSite.create(dir, SITE + """
                -- content/knowledge/typo.en.md --
                ---
                title: Typo
                ---
                Text.

                The {{< term "cadastr" >}} is old.
                """).build();
        assertEquals(1, site.exit());
        assertTrue(site.err().toLowerCase(java.util.Locale.ROOT)
                .contains("content/knowledge/typo.en.md:6:5: no glossary term 'cadastr' (did you mean 'cadastre'?"), site.err());
    }

    @Test
    void glossaryPageListsEveryTermAtoZWithLetterIndexAndAnchors() {
        TestSite site = TestSite.create(dir, SITE).buildOk();
        Document g = site.html("en/glossary/index.html");
        List<String> terms = g.select("[data-glossary] dt a").eachText();
        assertEquals(List.of("Cadastre", "Geographic information system", "Informal settlement", "Property tax"), terms,
                "all terms, alphabetical, although paginate is 2");
        for (Element letter : g.select("[data-glossary-letters] a")) {
            assertNotNull(g.getElementById(letter.attr("href").substring(1)), letter.toString());
        }
        assertEquals(List.of("C", "G", "I", "P"), g.select("[data-glossary-letters] a").eachText());
        assertNotNull(g.getElementById("cadastre"), "an anchor per term");
        assertFalse(site.exists("en/glossary/page/2/index.html"), "no second page repeating the whole A to Z");
        Document es = site.html("es/glosario/index.html");
        assertEquals(List.of("Catastro", "Sistema de información geográfica"), es.select("[data-glossary] dt a").eachText());
    }

    @Test
    void termPairsAreWrittenForSearch() throws Exception {
        TestSite site = TestSite.create(dir, SITE).buildOk();
        JsonNode es = new ObjectMapper().readTree(site.text("es/glossary-pairs.json"));
        assertEquals("es", es.get("lang").asText());
        JsonNode cadastre = null;
        for (JsonNode t : es.get("terms")) if (t.get("id").asText().equals("cadastre")) cadastre = t;
        assertNotNull(cadastre);
        assertEquals("Catastro", cadastre.get("forms").get("es").get(0).asText());
        assertEquals("registro catastral", cadastre.get("forms").get("es").get(1).asText());
        assertEquals("Cadastre", cadastre.get("forms").get("en").get(0).asText());
        assertEquals("/es/glosario/catastro/", cadastre.get("path").asText());
        JsonNode en = new ObjectMapper().readTree(site.text("en/glossary-pairs.json"));
        boolean informal = false;
        for (JsonNode t : en.get("terms")) {
            if (t.get("id").asText().equals("informal-settlement")) {
                informal = true;
                assertFalse(t.get("forms").has("es"), "untranslated terms exist in one language only");
            }
        }
        assertTrue(informal);
    }

    /** Terms of a real software glossary: signs, one-letter names and short abbreviations, derived words. */
    static final String SIGNS = """
            -- site.yaml --
            languages:
              en: {name: English, title: Library}
            -- content/glossary/_index.en.md --
            ---
            title: Glossary
            ---
            -- content/glossary/plus-one.en.md --
            ---
            title: "+1"
            description: A vote in favour.
            ---
            -- content/glossary/cpp.en.md --
            ---
            title: C++
            description: A programming language.
            ---
            -- content/glossary/r.en.md --
            ---
            title: R
            description: A language for statistics.
            ---
            -- content/glossary/information-technology.en.md --
            ---
            title: Information technology
            description: Computers and networks.
            abbr: IT
            ---
            -- content/glossary/organization.en.md --
            ---
            title: Organization
            description: A body of people.
            ---
            -- content/knowledge/counts.en.md --
            ---
            title: Counts
            ---
            It was 1 of 2 votes; see function(s), and the letter r. Use C for speed.

            The organ played.

            Later the plan got a +1 from the IT team, and we wrote it in C++ and in R's syntax.

            Several organizations joined.
            """;

    @Test
    void formsWithSignsOneLetterNamesAndShortAbbreviationsMatchOnlyAsWrittenAndDerivedWordsStayApart() {
        TestSite site = TestSite.create(dir, SIGNS).buildOk();
        Document page = site.html("en/knowledge/counts/index.html");
        Element first = page.select(".content p").get(0);
        Element second = page.select(".content p").get(1);
        assertTrue(first.select("a[data-term]").isEmpty(), "'1' is not '+1', 'It' not 'IT', 'r' and 's' not 'R', 'C' not 'C++': " + first);
        assertTrue(second.select("a[data-term]").isEmpty(), "an organ is not an organization: " + second);
        Element third = page.select(".content p").get(2);
        assertEquals("+1", third.selectFirst("a[data-term=plus-one]").text(), third.toString());
        assertEquals("IT", third.selectFirst("a[data-term=information-technology]").text());
        assertEquals("C++", third.selectFirst("a[data-term=cpp]").text());
        assertEquals("R's", third.selectFirst("a[data-term=r]").text(), "a possessive is the name too");
        assertTrue(third.selectFirst("a[data-term=plus-one]").previousSibling().toString().endsWith("got a "),
                "the sign is inside the link, not left before it");
        assertEquals("organizations", page.selectFirst("a[data-term=organization]").text(), "plurals still match");
    }
}
