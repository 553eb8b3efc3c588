package org.acervo.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.acervo.TestSite;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelatedPagesTest {
    @TempDir
    Path dir;

    /** Two clear subjects (water, buses), a page per language that is only in Spanish, and filler pages. */
    static String site() {
        StringBuilder b = new StringBuilder();
        String[] water = {"Rainwater drainage", "Drinking water tariffs", "Water leaks in pipes", "Wastewater treatment plants",
                "Water meters for households", "Flooding and water channels"};
        String[] buses = {"Bus rapid transit lanes", "Bus fares and subsidies", "Bus stops for school children", "Bus route redesign"};
        int n = 0;
        for (String t : water) {
            b.append("-- content/knowledge/w").append(n++).append(".en.md --\n---\ntitle: ").append(t)
                    .append("\ntopics: [water]\n---\nWater pipes, water tariffs, drainage, rainwater and wastewater: the water utility ")
                    .append("plans water service with the city. ").append(t).append(".\n");
        }
        for (String t : buses) {
            b.append("-- content/knowledge/b").append(n++).append(".en.md --\n---\ntitle: ").append(t)
                    .append("\ntopics: [transport]\n---\nBuses, bus lanes, bus fares, passengers and routes: the transport agency ")
                    .append("runs bus service. ").append(t).append(".\n");
        }
        b.append("-- content/knowledge/agua.es.md --\n---\ntitle: Agua potable\ntopics: [water]\n---\nAgua, tuberías y tarifas de agua.\n");
        b.append("-- content/knowledge/lluvia.es.md --\n---\ntitle: Agua de lluvia\ntopics: [water]\n---\nAgua de lluvia y drenaje.\n");
        return b.toString();
    }

    private static List<String> related(Document d) {
        List<String> out = new ArrayList<>();
        for (Element a : d.select("[data-related] a")) out.add(a.attr("href"));
        return out;
    }

    @Test
    void upToFiveRelatedPagesOnTheSameSubjectInTheSameLanguage() {
        TestSite site = TestSite.create(dir, site()).buildOk();
        Document w0 = site.html("en/knowledge/w0/index.html");
        List<String> links = related(w0);
        assertEquals(5, links.size(), links.toString());
        for (String href : links) {
            assertTrue(href.matches("\\.\\./w[1-5]/"), "water pages only, never itself: " + links);
        }
        Document b6 = site.html("en/knowledge/b6/index.html");
        List<String> busLinks = related(b6);
        assertTrue(busLinks.subList(0, 3).stream().allMatch(h -> h.matches("\\.\\./b[7-9]/")), busLinks.toString());
        Document agua = site.html("es/knowledge/agua/index.html");
        assertEquals(List.of("../lluvia/"), related(agua), "only pages in its own language");
        assertFalse(related(w0).contains("../agua/"));
    }

    @Test
    void theSameInputGivesTheSameLists() {
        TestSite one = TestSite.create(dir.resolve("one"), site()).buildOk();
        TestSite two = TestSite.create(dir.resolve("two"), site()).buildOk();
        for (String page : List.of("w0", "w3", "b6", "b9")) {
            String file = "en/knowledge/" + page + "/index.html";
            assertEquals(related(one.html(file)), related(two.html(file)), page);
        }
    }
}
