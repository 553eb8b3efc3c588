package org.acervo.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.acervo.cli.Main;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository's demo library shows every knowledge-library feature in both languages. */
class DemoLibraryTest {
    @TempDir
    static Path out;

    @BeforeAll
    static void build() {
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "build", "--source", Path.of("").toAbsolutePath().toString(), "--output", out.resolve("public").toString());
        assertEquals(0, exit, err.toString());
    }

    static List<String> files(String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(out.resolve("public"))) {
            return s.map(p -> out.resolve("public").relativize(p).toString().replace('\\', '/')).filter(p -> p.endsWith(suffix)).sorted().toList();
        }
    }

    static Document html(String file) throws IOException {
        return Jsoup.parse(out.resolve("public").resolve(file).toFile());
    }

    @Test
    void featuresAppearInBothLanguages() throws IOException {
        for (String lang : List.of("es", "en")) {
            assertTrue(files(".ics").stream().anyMatch(f -> f.startsWith(lang + "/")), "an upcoming event with .ics in " + lang);
            assertTrue(files("email.html").stream().anyMatch(f -> f.startsWith(lang + "/")), "a newsletter e-mail edition in " + lang);
            List<String> pages = files(".html").stream().filter(f -> f.startsWith(lang + "/")).toList();
            boolean guided = false, audience = false, downloads = false, webinar = false, community = false, gathered = false;
            for (String f : pages) {
                Document d = html(f);
                guided |= d.selectFirst("nav.guided-path a[rel=next]") != null;
                audience |= d.selectFirst("nav[data-audience-nav] a[href=#practice]") != null;
                downloads |= d.selectFirst("a[data-download][data-bytes]") != null;
                webinar |= d.selectFirst("[data-recording] a[data-media=audio]") != null;
                community |= d.selectFirst("[data-community] a[data-coordinator]") != null;
                gathered |= d.selectFirst("[data-gathered] a") != null;
            }
            assertTrue(guided && audience && downloads && webinar && community && gathered,
                    lang + ": guided=" + guided + " audience=" + audience + " downloads=" + downloads + " webinar=" + webinar
                            + " community=" + community + " gathered=" + gathered);
        }
    }

    @Test
    void profilesWithoutConsentAreNowhere() throws IOException {
        List<String> privateTitles;
        try (Stream<Path> s = Files.list(Path.of("content/people"))) {
            privateTitles = s.filter(p -> !p.getFileName().toString().startsWith("_")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(t -> !t.contains("\npublic: true")).map(t -> t.replaceAll("(?s)^.*?\ntitle: \"?([^\"\n]+)\"?\n.*$", "$1")).toList();
        }
        assertFalse(privateTitles.isEmpty(), "the demo keeps a private profile to show the rule");
        for (String f : files("")) {
            if (!f.matches(".*\\.(html|xml|json|txt)$")) continue;
            String text = Files.readString(out.resolve("public").resolve(f));
            for (String title : privateTitles) assertFalse(text.contains(title), title + " in " + f);
        }
        assertNotNull(html("es/personas/index.html").selectFirst("main a[href*=ana-lucia-ferrer]"));
    }
}
