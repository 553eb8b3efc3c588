package org.acervo.glossary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.acervo.TestSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every page that uses a term carries its definition: without a description, only the first sentence of the entry. */
class ShortDefinitionTest {
    @TempDir
    Path dir;

    private static final String LONG = "A vector is a sequence of values of one type, the basic structure of the language. "
            + "Most functions accept vectors and apply to each element, which is called vectorisation. "
            + "Vectors have a length and may have names; a list, by contrast, may hold values of several types.";

    @Test
    void aShortParagraphIsTheDefinitionAsItIs() {
        assertEquals("Maps and data.", Glossary.shortDefinition("  Maps and data. ", "en"));
    }

    @Test
    void aLongParagraphKeepsItsFirstSentence() {
        String s = Glossary.shortDefinition(LONG, "en");
        assertEquals("A vector is a sequence of values of one type, the basic structure of the language.", s);
        assertTrue(s.length() <= Glossary.SHORT_DEFINITION);
    }

    @Test
    void aFirstSentenceTooLongIsCutAtAWord() {
        String one = "Un catastro " + "registra predios, dueños y valores ".repeat(10) + "del territorio.";
        String s = Glossary.shortDefinition(one, "es");
        assertTrue(s.endsWith("…") && s.length() <= Glossary.SHORT_DEFINITION, s);
        assertTrue(one.startsWith(s.substring(0, s.length() - 1)), "cut at a word: " + s);
        assertTrue(s.charAt(s.length() - 2) != ' ');
    }

    @Test
    void pagesShowTheShortDefinitionAndTheTermPageTheWholeText() {
        TestSite site = TestSite.create(dir, """
                -- site.yaml --
                languages:
                  en: {name: English, title: Library}
                -- content/glossary/_index.en.md --
                ---
                title: Glossary
                ---
                -- content/glossary/vector.en.md --
                ---
                title: Vector
                ---
                """ + LONG + """

                -- content/lessons/intro.en.md --
                ---
                title: Introduction
                ---
                Make a vector of numbers.
                """).buildOk();
        Document page = site.html("en/lessons/intro/index.html");
        String dd = page.getElementById(page.selectFirst("a[data-term=vector]").attr("aria-describedby")).text();
        assertTrue(dd.endsWith("basic structure of the language.") && !dd.contains("vectorisation"), dd);
        assertTrue(site.html("en/glossary/vector/index.html").text().contains("may hold values of several types"));
    }
}
