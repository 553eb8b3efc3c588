package org.acervo.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.acervo.browser.Browser;
import org.junit.jupiter.api.Test;

/**
 * The browser must analyse a query exactly as the build analysed the pages. Every word form of
 * the demo content, plus inflected forms that are not in it, goes through SearchAnalyzer (Java)
 * and through the theme's search.js in headless Chromium, with both languages' chains; every
 * result must be the same.
 */
class AnalysisGoldenTest {
    /** Inflections, accents, ñ, case and odd characters that the demo content may not have. */
    static final List<String> EXTRA = List.of(
            "gestiones", "gestión", "GESTIÓN", "Gestion", "años", "año", "ano", "anos", "AÑO", "Ñandú", "niños", "niño",
            "ciudades", "ciudad", "luces", "luz", "peces", "intereses", "interés", "países", "país", "árboles", "árbol",
            "canciones", "mujeres", "actrices", "análisis", "crisis", "autobuses", "jóvenes", "exámenes", "menús", "rubíes",
            "cafés", "pingüino", "pingüinos", "vergüenza", "más", "él", "qué", "está", "estás", "también",
            "cities", "city", "policies", "policy", "buses", "bus", "boxes", "analyses", "data", "indices", "women",
            "children", "status", "campus", "glasses", "series", "keys", "days", "toys", "ladies", "pies", "ties",
            "goes", "does", "shoes", "heroes", "potatoes", "queries", "neighbourhoods", "stakeholders", "it's", "don't",
            "naïve", "café", "résumé", "coöperate", "Zürich", "Straße", "İstanbul", "ΣΟΦΙΑ", "Ærø", "Łódź", "Œuvre",
            "ﬁnance", "e-government", "3.5", "2024-05-31", "COVID-19", "x²", "½", "gestio\u0301n", "n\u0303o", "a\u0308",
            "日本語", "한국어", "emoji😀word", "a".repeat(300));

    @Test
    void browserAnalysesExactlyAsTheBuild() throws Exception {
        List<String> texts = new ArrayList<>(EXTRA);
        TreeSet<String> forms = new TreeSet<>();
        Pattern word = Pattern.compile("[\\p{L}\\p{Nd}\\p{M}]+");
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                texts.add(text);
                Matcher m = word.matcher(text);
                while (m.find()) forms.add(m.group());
            }
        }
        assertTrue(forms.size() > 2000, "the demo content has " + forms.size() + " word forms");
        texts.addAll(forms);
        String js = Files.readString(Path.of("themes/default/static/search.js"), StandardCharsets.UTF_8);
        try (Browser browser = Browser.start()) {
            browser.open("about:blank");
            browser.js(js);
            int checked = 0;
            for (String lang : List.of("es", "en")) {
                SearchAnalyzer analyzer = SearchAnalyzer.forLanguage(lang);
                Map<String, Object> m = Map.of("stop", analyzer.stopWords(), "stem", analyzer.stemmer());
                @SuppressWarnings("unchecked")
                List<List<String>> fromJs = (List<List<String>>) browser.js(
                        "var m = arguments[1]; return arguments[0].map(function (t) {"
                                + " return window.acervoSearch.analyse(t, m).filter(function (w) { return w.term !== null; })"
                                + ".map(function (w) { return w.term; }); });", texts, m);
                for (int i = 0; i < texts.size(); i++) {
                    assertEquals(analyzer.terms(texts.get(i)), fromJs.get(i), lang + " chain on: " + abbreviate(texts.get(i)));
                    checked++;
                }
            }
            assertEquals(2 * texts.size(), checked);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
