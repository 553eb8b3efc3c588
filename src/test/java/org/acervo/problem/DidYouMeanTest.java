package org.acervo.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.acervo.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors that teach: each unknown name an editor can mistype is reported at its file, line and
 * column, says what is wrong, and names the nearest existing name.
 */
class DidYouMeanTest {
    @TempDir
    Path dir;

    private String failing(String files) {
        TestSite site = TestSite.create(dir, files).build();
        assertEquals(1, site.exit(), site.out() + site.err());
        return site.err();
    }

    @Test
    void unknownTaxonomyTermSuggestsTheNearestIdOrLabel() {
        String err = failing("""
                -- content/knowledge/agua.es.md --
                ---
                title: Agua
                topics: [trasporte]
                ---
                """);
        assertTrue(err.contains("content/knowledge/agua.es.md:3:1: unknown topics term 'trasporte' (did you mean 'transport'"), err);
    }

    @Test
    void unknownLayoutSuggestsTheNearestLayout() {
        String err = failing("""
                -- content/knowledge/agua.es.md --
                ---
                title: Agua
                layout: singel
                ---
                """);
        assertTrue(err.contains("content/knowledge/agua.es.md: unknown layout 'singel' (did you mean 'single'?"), err);
    }

    @Test
    void unknownShortcodeSuggestsTheNearestShortcode() {
        String err = failing("""
                -- content/knowledge/agua.es.md --
                ---
                title: Agua
                ---
                Texto.

                {{< nota >}}Ojo.{{< /nota >}}
                """);
        assertTrue(err.contains("content/knowledge/agua.es.md:6:1: unknown shortcode 'nota' (did you mean 'note'?"), err);
    }

    @Test
    void unknownSiteYamlKeySuggestsTheNearestKey() {
        String err = failing("""
                -- site.yaml --
                languages:
                  es: {name: Español, title: Biblioteca}
                paginte: 10
                -- content/knowledge/agua.es.md --
                ---
                title: Agua
                ---
                """);
        assertTrue(err.contains("site.yaml:3:1: unknown key 'paginte' in site.yaml (did you mean 'paginate'?"), err);
    }

    @Test
    void unknownLinkTargetSuggestsTheNearestPage() {
        String err = failing("""
                -- content/knowledge/agua.es.md --
                ---
                title: Agua
                ---
                Ver [aire](aires.md).
                -- content/knowledge/aire.es.md --
                ---
                title: Aire
                ---
                """);
        assertTrue(err.contains("content/knowledge/agua.es.md:4:5: link to 'aires.md': there is no such page (did you mean 'knowledge/aire.md'?)"), err);
    }

    @Test
    void unknownMenuPageSuggestsTheNearestSection() {
        String err = failing("""
                -- site.yaml --
                languages:
                  es:
                    name: Español
                    title: Biblioteca
                    menu:
                      - {label: Conocimiento, page: knowlege}
                -- content/knowledge/agua.es.md --
                ---
                title: Agua
                ---
                """);
        assertTrue(err.contains("site.yaml:6:9: menu entry 'Conocimiento' points to 'knowlege', which is not a section or page (did you mean 'knowledge'?)"), err);
    }

    @Test
    void misspeltFrontMatterKeyIsAWarningWithTheKnownKey() {
        TestSite site = TestSite.create(dir, """
                -- content/knowledge/agua.es.md --
                ---
                title: Agua
                descripton: Cómo cobrar el agua.
                topic: [water]
                ---
                """).buildOk();
        String all = site.out() + site.err();
        assertTrue(all.contains("content/knowledge/agua.es.md:3:1: unknown front matter key 'descripton' (did you mean 'description'?"), all);
        assertTrue(all.contains("content/knowledge/agua.es.md:4:1: unknown front matter key 'topic' (did you mean 'topics'?"), all);
    }
}
