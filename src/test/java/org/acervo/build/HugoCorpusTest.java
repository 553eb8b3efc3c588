package org.acervo.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.acervo.TestSite;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content of a real bilingual Hugo site (rOpenSci, ../shared/corpora/ropensci) used as
 * content/: every file renders or is reported by a clear error naming file and line.
 */
class HugoCorpusTest {
    static final Path CORPUS = Path.of("../shared/corpora/ropensci").toAbsolutePath().normalize();
    private static final Pattern PROBLEM = Pattern.compile("^(content/[^:]+):(\\d+):(\\d+): (.+) \\((.+)\\)$");

    @TempDir
    Path dir;

    @Test
    void realHugoContentBuildsOrIsReportedFileByFile() throws IOException {
        if (System.getenv("CI") == null) Assumptions.assumeTrue(Files.isDirectory(CORPUS), "corpus not found at " + CORPUS);
        Files.createDirectories(dir);
        Files.createSymbolicLink(dir.resolve("content"), CORPUS);
        Files.copy(Path.of("src/test/resources/sites/ropensci/site.yaml"), dir.resolve("site.yaml"));
        TestSite.copyTree(Path.of("themes/default"), dir.resolve("themes/default"));
        TestSite site = TestSite.create(dir, "").build();

        String all = site.out() + site.err();
        assertFalse(all.contains("Exception") || all.contains("\tat ") || all.contains("internal error"), all);
        assertTrue(site.exit() == 0 || site.exit() == 1, "exit " + site.exit());

        Map<String, Integer> kinds = new TreeMap<>();
        Set<String> filesWithProblems = new TreeSet<>();
        String[] lines = site.err().split("\n");
        for (String line : lines) {
            if (line.isBlank() || line.matches("\\d+ problems?; the output was not changed\\.") || line.startsWith("note: ")) continue;
            Matcher m = PROBLEM.matcher(line);
            assertTrue(m.matches(), "not path:line:col: what (hint): " + line);
            Path file = CORPUS.resolve(m.group(1).substring("content/".length()));
            assertTrue(Files.isRegularFile(file), "names a file that exists: " + line);
            long lineCount = Files.readAllLines(file).size();
            assertTrue(Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= lineCount + 1, "line within the file: " + line);
            filesWithProblems.add(m.group(1));
            kinds.merge(m.group(4).replaceAll("'[^']*'", "'…'"), 1, Integer::sum);
        }
        long sources;
        try (Stream<Path> s = Files.walk(CORPUS)) {
            sources = s.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().matches(".*\\.(pt|fr|tr|de)\\.md")).count();
        }
        // figures are a shortcode the default theme knows: never reported as unknown
        assertFalse(site.err().contains("unknown shortcode 'figure'"), site.err());
        assertTrue(site.err().contains("unknown shortcode '"), "Hugo shortcodes Acervo lacks are reported by name");
        assertTrue(sources > 1400, "corpus has its files: " + sources);
        System.out.printf("rOpenSci corpus: %d en/es sources, %d build cleanly, %d reported (%d problems)%n",
                sources, sources - filesWithProblems.size(), filesWithProblems.size(), kinds.values().stream().mapToInt(i -> i).sum());
        kinds.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                .forEach(e -> System.out.printf("  %5d  %s%n", e.getValue(), e.getKey()));
        assertEquals(kinds.isEmpty() ? 0 : 1, site.exit());
    }
}
