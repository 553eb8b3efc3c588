package org.acervo.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.acervo.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command line in its own JVM, killed with SIGKILL at random points of its build:
 * the output is always the complete previous site or the complete new one, and the next
 * build cleans up after the killed one. Two builds never write one output at once.
 */
class CrashSafetyTest {
    private static final int RUNS = 8;
    private static final long SEED = 20261123L;

    @TempDir
    Path parent;

    /** A site of a few hundred pages, so that writing it takes a while; {@code version} changes every page. */
    static String site(String version) {
        StringBuilder b = new StringBuilder("""
                -- content/_index.es.md --
                ---
                title: Inicio
                ---
                -- content/_index.en.md --
                ---
                title: Home
                ---
                -- content/knowledge/_index.es.md --
                ---
                title: Conocimiento
                ---
                -- content/knowledge/_index.en.md --
                ---
                title: Knowledge
                ---
                """);
        for (int i = 0; i < 40; i++) {
            for (String lang : List.of("es", "en")) {
                b.append("-- content/knowledge/p").append(i).append('.').append(lang).append(".md --\n---\ntitle: Página ")
                        .append(i).append(' ').append(version).append("\ndate: 2024-01-").append(String.format("%02d", 1 + i % 28))
                        .append("\ntags: [t").append(i % 10).append("]\n---\n").append(("Texto " + version + " del objeto " + i + ". ").repeat(30))
                        .append("\n\n## Sección\n\nMás texto.\n");
            }
        }
        return b.toString();
    }

    @Test
    void killedBuildsLeaveTheOldOrTheNewCompleteSite() throws Exception {
        TestSite site = TestSite.create(parent.resolve("site"), site("A"));
        String hashA = SiteSnapshot.treeHash(site.buildOk().output());
        site.write(site("B"));
        String hashB = SiteSnapshot.treeHash(site.buildOk().output());
        assertNotEquals(hashA, hashB);
        assertEquals(hashB, SiteSnapshot.treeHash(site.buildOk().output()), "builds are reproducible");

        Random random = new Random(SEED);
        String current = hashB;
        List<String> killedAt = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            String version = current.equals(hashA) ? "B" : "A";
            String next = current.equals(hashA) ? hashB : hashA;
            site.write(site(version));
            Path out = site.output();
            KillPoint point = KillPoint.values()[run % KillPoint.values().length];
            int files = 1 + random.nextInt(100);
            Process p = cli(site.dir()).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            waitFor(() -> !p.isAlive() || point.reached(out, files));
            boolean finished = !p.isAlive();
            p.destroyForcibly();
            p.waitFor(60, TimeUnit.SECONDS);
            killedAt.add(point + (point == KillPoint.STAGING_FILES ? "(" + files + ")" : "") + (finished ? " finished first" : ""));

            String after = SiteSnapshot.treeHash(out);
            if (after.equals("absent")) {
                // killed between the two renames: the previous site is whole, beside the output, and is put back first
                List<Path> old = siblings(out, ".old-");
                assertEquals(1, old.size(), "one previous site kept aside: " + old);
                assertEquals(current, SiteSnapshot.treeHash(old.get(0)), "the kept-aside site is the complete previous one");
            } else {
                assertTrue(after.equals(current) || after.equals(next), "run " + run + " killed at " + point + ": output is neither the old nor the new site");
            }
            site.buildOk();
            assertEquals(next, SiteSnapshot.treeHash(out), "the next build writes the new site");
            assertEquals(List.of(), siblings(out, ""), "no staging, old or lock files left beside the output");
            current = next;
        }
        System.out.println("kill points: " + killedAt);
    }

    @Test
    void aSecondBuildReportsTheOneWritingAndChangesNothing() throws Exception {
        TestSite site = TestSite.create(parent.resolve("site"), site("A")).buildOk();
        String before = SiteSnapshot.treeHash(site.output());
        site.write(site("B"));
        // another process (this test) holds the output's lock, as a running build does
        try (FileChannel ch = FileChannel.open(parent.resolve("site/.public.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = ch.lock()) {
            Process p = cli(site.dir()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(1, p.exitValue(), output);
            assertTrue(output.contains("another build is writing"), output);
            assertTrue(output.lines().findFirst().orElse("").matches("^[^:]+: .+ \\(.+\\)$"), "first line: " + output);
            assertEquals(before, SiteSnapshot.treeHash(site.output()));
        }
        // two real builds started together: each either writes the site or says the other one is
        Process a = cli(site.dir()).redirectErrorStream(true).start();
        Process b = cli(site.dir()).redirectErrorStream(true).start();
        String outA = new String(a.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String outB = new String(b.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(a.waitFor(120, TimeUnit.SECONDS) && b.waitFor(120, TimeUnit.SECONDS));
        for (String[] r : List.of(new String[] {String.valueOf(a.exitValue()), outA}, new String[] {String.valueOf(b.exitValue()), outB})) {
            assertTrue(r[0].equals("0") || (r[0].equals("1") && r[1].contains("another build is writing")), r[1]);
        }
        assertTrue(a.exitValue() == 0 || b.exitValue() == 0, outA + outB);
        String built = SiteSnapshot.treeHash(site.output());
        assertEquals(built, SiteSnapshot.treeHash(site.buildOk().output()), "the output is the complete new site");
    }

    /** Where in a build the process is killed. */
    enum KillPoint {
        AT_START {
            @Override
            boolean reached(Path out, int files) {
                return true;
            }
        },
        STAGING_CREATED {
            @Override
            boolean reached(Path out, int files) {
                return !siblings(out, ".staging-").isEmpty();
            }
        },
        STAGING_FILES {
            @Override
            boolean reached(Path out, int files) {
                for (Path s : siblings(out, ".staging-")) {
                    try (Stream<Path> w = Files.walk(s)) {
                        if (w.count() >= files) return true;
                    } catch (IOException | java.io.UncheckedIOException e) {
                        return true; // renamed away while counting: it is swapping now
                    }
                }
                return false;
            }
        },
        STAGING_COMPLETE {
            @Override
            boolean reached(Path out, int files) {
                return siblings(out, ".staging-").stream().anyMatch(s -> Files.exists(s.resolve(".acervo-output")));
            }
        },
        OLD_MOVED_ASIDE {
            @Override
            boolean reached(Path out, int files) {
                return !siblings(out, ".old-").isEmpty();
            }
        };

        abstract boolean reached(Path out, int files);
    }

    /** Hidden folders and files the writer keeps beside the output ({@code .public.staging-*}, {@code .public.old-*}, the lock). */
    static List<Path> siblings(Path out, String infix) {
        try (Stream<Path> s = Files.list(out.getParent())) {
            return s.filter(p -> p.getFileName().toString().startsWith("." + out.getFileName() + (infix.isEmpty() ? "." : infix))).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Polls a condition as fast as the file system answers; the build's own end bounds the wait. */
    private static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not reached in 2 minutes");
            Thread.onSpinWait();
        }
    }

    /** {@code java -cp <this test's class path> org.acervo.cli.Main build --source DIR}, as a separate process. */
    static ProcessBuilder cli(Path siteDir) {
        return cli(siteDir, "-Xmx512m");
    }

    /** The same with another heap: {@code -Xmx32m}. */
    static ProcessBuilder cli(Path siteDir, String heap) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, heap, "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"), "org.acervo.cli.Main",
                "build", "--source", siteDir.toString());
    }
}
