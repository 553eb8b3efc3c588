package org.acervo.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.acervo.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index files a build writes, read back and decoded the way search.js decodes them. */
class SearchIndexerTest {
    @TempDir
    Path dir;

    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** term -> (doc -> [level, inTitle]) over all term shards of a language. */
    static Map<String, Map<Integer, int[]>> postings(TestSite site, String lang) {
        Map<String, Map<Integer, int[]>> out = new HashMap<>();
        for (String f : site.files()) {
            if (!f.startsWith(lang + "/search/t-") || f.endsWith(".gz")) continue; // skip the precompressed twins
            List<String> strings = new ArrayList<>();
            Matcher m = STRING.matcher(site.text(f));
            while (m.find()) strings.add(m.group(1));
            for (int i = 1; i + 1 < strings.size(); i += 2) {
                Map<Integer, int[]> docs = new HashMap<>();
                String p = strings.get(i + 1);
                int doc = -1;
                for (int k = 0; k < p.length(); ) {
                    int s = IndexFiles.ALPHABET.indexOf(p.charAt(k++));
                    int gap = 0, mult = 1, d;
                    while ((d = IndexFiles.ALPHABET.indexOf(p.charAt(k++))) >= IndexFiles.LEVELS) {
                        gap += (d - IndexFiles.LEVELS) * mult;
                        mult *= IndexFiles.LEVELS;
                    }
                    doc += gap + d * mult + 1;
                    docs.put(doc, new int[] {s % IndexFiles.LEVELS, s >= IndexFiles.LEVELS ? 1 : 0});
                }
                out.put(strings.get(i), docs);
            }
        }
        return out;
    }

    @Test
    void indexRanksTitleOverHeadingsOverBodyAndKeepsEnye() {
        TestSite site = TestSite.create(dir, """
                -- content/knowledge/a.es.md --
                ---
                title: Catastro municipal
                ---
                Texto sobre otra cosa, con año y gestión.
                -- content/knowledge/b.es.md --
                ---
                title: Otra página
                ---
                ## Catastro

                Texto sobre otra cosa.
                -- content/knowledge/c.es.md --
                ---
                title: Tercera página
                ---
                Texto que menciona el catastro una vez, y un ano.
                """).buildOk();
        Map<String, Map<Integer, int[]>> p = postings(site, "es");
        Map<Integer, int[]> catastro = p.get(SearchAnalyzer.forLanguage("es").terms("Catastros").get(0));
        assertEquals(3, catastro.size());
        List<int[]> byLevel = new ArrayList<>(catastro.values());
        byLevel.sort((x, y) -> y[0] - x[0]);
        assertEquals(1, byLevel.get(0)[1], "the page with catastro in its title ranks first and is marked");
        assertTrue(byLevel.get(0)[0] > byLevel.get(1)[0] && byLevel.get(1)[0] > byLevel.get(2)[0], "title > heading > body");
        assertEquals(1, p.get("año").size());
        assertEquals(1, p.get("ano").size());
        assertTrue(p.containsKey("gestion") && !p.containsKey("gestión"));
        assertTrue(!p.containsKey("con") && !p.containsKey("el"), "stop words are not indexed");
    }

    @Test
    void shardsAreContentHashedScriptsAndAtMostOnePerTenPages() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            text.append("-- content/knowledge/p").append(i).append(".es.md --\n---\ntitle: Página ").append(i)
                    .append(" sobre agua y caminos\ncities: [c").append(i % 3).append("]\n---\n");
            for (int k = 0; k < 30; k++) text.append("palabra").append((i * 7 + k * 13) % 500).append(' ');
            text.append("\n");
        }
        TestSite site = TestSite.create(dir, text.toString()).buildOk();
        List<String> files = site.files().stream().filter(f -> f.startsWith("es/search/") && f.endsWith(".js")).toList();
        assertTrue(files.contains("es/search/index.js"));
        long htmlPages = site.files().stream().filter(f -> f.startsWith("es/") && f.endsWith(".html")).count();
        assertTrue(htmlPages >= 120 && htmlPages < 150, htmlPages + " pages in Spanish: the 120 pages, lists, taxonomy pages");
        assertTrue(files.size() <= htmlPages / 10, files.size() + " index files for " + htmlPages + " HTML pages");
        for (String f : files) {
            String js = site.text(f);
            if (f.endsWith("index.js")) {
                assertTrue(js.startsWith("acervoSearch.manifest({"));
                continue;
            }
            String name = f.substring(f.lastIndexOf('/') + 1);
            assertTrue(js.startsWith(name.startsWith("t-") ? "acervoSearch.terms(\"es\"," : "acervoSearch.docs(\"es\","), f);
            assertEquals(name.substring(2, 12), new org.acervo.util.Fingerprint().add(js.getBytes(StandardCharsets.UTF_8)).name(10), f);
        }
        assertEquals(120, postings(site, "es").get("agua").size());
        String manifest = site.text("es/search/index.js");
        assertTrue(manifest.contains("key:\"cities\""), "cities are a filter");
        assertTrue(manifest.contains("other:{\"en\":\"../../en/search/index.js\"}"));
        assertTrue(manifest.contains("pairs:{}"), "no glossary, no term pairs");
    }

    @Test
    void excerptsAreCutAtAWord() {
        String cut = SearchIndexer.excerpt("palabra ".repeat(60));
        assertTrue(cut.length() <= IndexFiles.EXCERPT_CHARS + 1 && cut.endsWith("palabra…"), cut);
        assertEquals("Corto.", SearchIndexer.excerpt("  Corto.  "));
    }
}
