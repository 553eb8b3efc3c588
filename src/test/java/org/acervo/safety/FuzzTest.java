package org.acervo.safety;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.acervo.TestSite;
import org.acervo.build.PageIndex;
import org.acervo.build.PageLocator;
import org.acervo.config.HtmlPolicy;
import org.acervo.config.SiteConfig;
import org.acervo.config.SiteConfigLoader;
import org.acervo.content.ContentScanner;
import org.acervo.content.ContentTree;
import org.acervo.content.FrontMatterParser;
import org.acervo.content.ParsedSource;
import org.acervo.content.SourceFile;
import org.acervo.markdown.LinkTargets;
import org.acervo.markdown.MarkdownRenderer;
import org.acervo.markdown.Shortcode;
import org.acervo.markdown.ShortcodeRenderer;
import org.acervo.model.Page;
import org.acervo.problem.Problems;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random bytes and mutated real pages (the rOpenSci corpus in ../shared/corpora) fed to the
 * front matter parser, the Markdown renderer and the whole build, with fixed seeds and a time
 * budget per target: nothing may throw, and no single input may run past a per-file limit.
 * A failure names the seed and input number, so it can be replayed.
 */
class FuzzTest {
    private static final long BUDGET_MILLIS = 3_000;
    /** Far beyond any real file; only a hang reaches it. */
    private static final long PER_INPUT_SECONDS = 20;
    private static final Path CORPUS = Stream.of(Path.of("../shared/corpora/ropensci"), Path.of("/work/shared/corpora/ropensci"))
            .filter(Files::isDirectory).findFirst().orElse(Path.of("../shared/corpora/ropensci"));
    private static final byte[][] TOKENS = Stream.of("---\n", "+++\n", ": ", "\n", "\t", "  ", "- ", "> ", "[", "]", "(", ")", "{", "}",
            "\"", "'", "&a ", "*a", "<<: *a", "!!binary ", "{{< note >}}", "{{< /note >}}", "{{<", ">}}", "```", "<script>", "<a href=\"",
            "javascript:", "&#x09;", "\\", "\0", "\r\n", "\u00e9", "\uFEFF", "#", "|", "*", "_", "![", "](", "[^1]", "{#x}", ": >", "|-",
            "title: ", "date: ", "tags: ", "slug: ", "url: ", "aliases: ", "translationKey: ", "../", "%2e%2e/").map(s -> s.getBytes(StandardCharsets.UTF_8))
            .toArray(byte[][]::new);

    @TempDir
    static Path dir;
    static ExecutorService runner;
    static List<Path> corpus;

    @BeforeAll
    static void setUp() throws IOException {
        runner = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
        if (Files.isDirectory(CORPUS)) {
            try (Stream<Path> s = Files.walk(CORPUS)) {
                corpus = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
            }
        } else {
            corpus = List.of();
        }
    }

    @AfterAll
    static void tearDown() {
        runner.shutdownNow();
    }

    @Test
    void frontMatterParserSurvivesAnything() throws Exception {
        TestSite site = TestSite.create(dir.resolve("fm"), BadInputTest.GOOD_SITE);
        SiteConfig config = new SiteConfigLoader().load(site.dir());
        Path file = site.dir().resolve("content/knowledge/fuzz.es.md");
        SourceFile source = new SourceFile("knowledge/fuzz.es.md", file, Path.of("content/knowledge/fuzz.es.md"), "es", SourceFile.Kind.PAGE);
        int n = fuzz(1L, (random, i) -> {
            Files.write(file, input(random, i));
            new FrontMatterParser(config, new Problems()).read(source);
        });
        assertTrue(n > 0);
    }

    @Test
    void markdownRendererSurvivesAnything() throws Exception {
        TestSite site = TestSite.create(dir.resolve("md"), BadInputTest.GOOD_SITE);
        SiteConfig config = new SiteConfigLoader().load(site.dir());
        Problems setup = new Problems();
        ContentTree tree = new ContentScanner(config, setup).scan(site.dir());
        FrontMatterParser parser = new FrontMatterParser(config, setup);
        List<ParsedSource> parsed = tree.sources().stream().map(parser::read).flatMap(Optional::stream).toList();
        PageIndex index = new PageLocator(config, setup, false, ZonedDateTime.now()).locate(tree, parsed);
        assertFalse(setup.hasErrors(), setup.errors().toString());
        Page page = index.pages().stream().filter(p -> p.source().relative().equals("knowledge/agua.es.md")).findFirst().orElseThrow();
        ParsedSource real = index.sources().get(page);
        ShortcodeRenderer note = new ShortcodeRenderer() {
            @Override
            public Set<String> names() {
                return Set.of("note");
            }

            @Override
            public Optional<String> render(Shortcode shortcode, String innerHtml, Page p) {
                return Optional.of("<aside>" + innerHtml + "</aside>");
            }
        };
        for (HtmlPolicy policy : HtmlPolicy.values()) {
            MarkdownRenderer markdown = new MarkdownRenderer(policy, note);
            int n = fuzz(2L + policy.ordinal(), (random, i) -> {
                Problems problems = new Problems();
                String body = new String(input(random, i), StandardCharsets.UTF_8);
                markdown.render(new ParsedSource(real.source(), real.meta(), body, real.bodyLine()), page, new LinkTargets(index, problems), problems);
            });
            assertTrue(n > 0);
        }
    }

    @Test
    void wholeBuildReportsOrBuildsButNeverCrashes() throws Exception {
        TestSite site = TestSite.create(dir.resolve("build"), BadInputTest.GOOD_SITE);
        int n = fuzz(4L, (random, i) -> {
            for (int f = 0; f < 8; f++) site.writeBytes("content/knowledge/fuzz" + f + (f % 2 == 0 ? ".es.md" : ".en.md"), input(random, i * 8 + f));
            site.build();
            String all = site.out() + site.err();
            if (site.exit() != 0 && site.exit() != 1) throw new AssertionError("exit " + site.exit() + ":\n" + all);
            if (all.contains("Exception") || all.contains("\tat ") || all.contains("internal error")) throw new AssertionError(all);
            for (String line : site.err().lines().toList()) {
                boolean ok = line.startsWith("warning: ") || line.startsWith("note: ") || line.matches("\\d+ problems?; the output was not changed\\.")
                        || line.matches("^[^:]+:\\d+:\\d+: .+ \\(.+\\)$") || line.matches("^[^:]+: .+ \\(.+\\)$");
                if (!ok) throw new AssertionError("not a problem line: " + line);
            }
        });
        assertTrue(n > 0);
    }

    interface Probe {
        void run(Random random, int i) throws Exception;
    }

    /** Runs the probe on fresh inputs until the budget is spent; returns how many ran. */
    private static int fuzz(long seed, Probe probe) throws Exception {
        Random random = new Random(seed);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BUDGET_MILLIS);
        int i = 0;
        while (i == 0 || System.nanoTime() < end) {
            long inputSeed = random.nextLong();
            int n = i;
            Future<?> f = runner.submit(() -> {
                probe.run(new Random(inputSeed), n);
                return null;
            });
            try {
                f.get(PER_INPUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                fail("input " + i + " (seed " + seed + ", input seed " + inputSeed + ") ran longer than " + PER_INPUT_SECONDS + "s");
            } catch (java.util.concurrent.ExecutionException e) {
                throw new AssertionError("input " + i + " (seed " + seed + ", input seed " + inputSeed + ") threw", e.getCause());
            }
            i++;
        }
        System.out.println("fuzz seed " + seed + ": " + i + " inputs");
        return i;
    }

    /** Random bytes, random tokens, or a mutated real page, chosen by the input's own random. */
    static byte[] input(Random random, int i) throws IOException {
        int kind = random.nextInt(corpus.isEmpty() ? 2 : 4);
        if (kind == 0) {
            byte[] b = new byte[random.nextInt(2_000)];
            random.nextBytes(b);
            return b;
        }
        if (kind == 1) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int tokens = random.nextInt(300);
            for (int t = 0; t < tokens; t++) out.writeBytes(TOKENS[random.nextInt(TOKENS.length)]);
            return out.toByteArray();
        }
        return mutate(random, Files.readAllBytes(corpus.get(random.nextInt(corpus.size()))));
    }

    static byte[] mutate(Random random, byte[] original) {
        byte[] b = original;
        int mutations = 1 + random.nextInt(8);
        for (int m = 0; m < mutations && b.length > 0; m++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(5)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> b = splice(b, at, 0, TOKENS[random.nextInt(TOKENS.length)]);
                case 2 -> b = java.util.Arrays.copyOf(b, at);
                case 3 -> b = splice(b, at, Math.min(b.length - at, random.nextInt(50)), new byte[0]);
                default -> {
                    int len = Math.min(b.length - at, 1 + random.nextInt(200));
                    b = splice(b, at, 0, java.util.Arrays.copyOfRange(b, at, at + len));
                }
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }
}
