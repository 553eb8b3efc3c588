package org.acervo.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.acervo.TestSite;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One mistake in one file: the build names the file and line, says how to fix it, exits 1
 * without a stack trace, leaves the previous output byte for byte as it was, and writes
 * nothing anywhere else.
 */
class BadInputTest {
    private static final Pattern AT_LINE = Pattern.compile("^[^:]+:\\d+:\\d+: .+ \\(.+\\)$");
    private static final Pattern AT_PATH = Pattern.compile("^[^:]+: .+ \\(.+\\)$");
    static final String BAD = "content/knowledge/malo.es.md";

    static final String GOOD_SITE = """
            -- content/_index.es.md --
            ---
            title: Inicio
            ---
            Bienvenida.
            -- content/_index.en.md --
            ---
            title: Home
            ---
            Welcome.
            -- content/knowledge/_index.es.md --
            ---
            title: Conocimiento
            ---
            -- content/knowledge/_index.en.md --
            ---
            title: Knowledge
            ---
            -- content/knowledge/agua.es.md --
            ---
            title: Agua
            date: 2024-03-01
            tags: [cuencas]
            ---
            Texto sobre el [agua](agua.md).
            -- content/knowledge/agua.en.md --
            ---
            title: Water
            ---
            Text.
            """;

    @TempDir
    Path parent;

    /** The good site, built once; each case starts from a copy of it and its output. */
    @TempDir
    static Path template;

    @org.junit.jupiter.api.BeforeAll
    static void buildGoodSite() {
        TestSite.create(template.resolve("site"), GOOD_SITE).buildOk();
    }

    private TestSite goodSite() {
        TestSite.copyTree(template.resolve("site"), parent.resolve("site"));
        return TestSite.create(parent.resolve("site"), "");
    }

    /** A bad input: what to add to the good site, extra command line arguments, where the problem must be reported. */
    record Case(String name, Setup setup, Function<TestSite, List<String>> args, String file, int line) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface Setup {
        void apply(TestSite site) throws IOException;
    }

    static Case page(String name, String text, int line) {
        return new Case(name, s -> s.writeFile(BAD, text), s -> List.of(), BAD, line);
    }

    static Case bytes(String name, byte[] bytes, int line) {
        return new Case(name, s -> s.writeBytes(BAD, bytes), s -> List.of(), BAD, line);
    }

    static Case config(String name, String extraYaml, int line) {
        return new Case(name, s -> s.writeFile("site.yaml", TestSite.DEFAULT_CONFIG + extraYaml), s -> List.of(), "site.yaml", line);
    }

    static Case output(String name, Function<TestSite, Path> out) {
        return new Case(name, s -> {}, s -> List.of("--output", out.apply(s).toString()), null, 0);
    }

    static Case output(String name, Setup setup, Function<TestSite, Path> out) {
        return new Case(name, setup, s -> List.of("--output", out.apply(s).toString()), null, 0);
    }

    static final int CONFIG_LINES = (int) TestSite.DEFAULT_CONFIG.lines().count();

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        // malformed YAML
        c.add(page("tab indentation", "---\ntitle: Malo\ntags:\n\t- uno\n---\nTexto.\n", 4));
        c.add(page("unclosed double quote", "---\ntitle: \"Malo\ndate: 2024-01-01\n---\nTexto.\n", 2));
        c.add(page("unclosed single quote", "---\ntitle: 'Malo\n---\nTexto.\n", 2));
        c.add(page("missing closing ---", "---\ntitle: Malo\n\nTexto sin cierre.\n", 1));
        c.add(page("only an opening ---", "---\n", 1));
        c.add(page("colon in unquoted value", "---\ntitle: Agua: gestión: total\n---\nTexto.\n", 2));
        c.add(page("front matter is a list", "---\n- title\n- Malo\n---\nTexto.\n", 2));
        c.add(page("unclosed flow list", "---\ntitle: Malo\ntags: [uno, dos\n---\nTexto.\n", 3));
        c.add(page("duplicate key", "---\ntitle: Malo\ndate: 2024-01-01\ntitle: Otro\n---\nTexto.\n", 4));
        c.add(page("duplicate nested key", "---\ntitle: Malo\nautor:\n  nombre: A\n  nombre: B\n---\nTexto.\n", 5));
        c.add(page("alias bomb", """
                ---
                title: Malo
                a: &a ["x","x","x","x","x","x","x","x","x"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                ---
                Texto.
                """, -1));
        c.add(page("YAML nested 200 deep", "---\ntitle: Malo\nx: " + "[".repeat(200) + "]".repeat(200) + "\n---\nTexto.\n", -1));
        // wrong types
        c.add(page("date: tomorrow", "---\ntitle: Malo\ndate: tomorrow\n---\nTexto.\n", 3));
        c.add(page("date: 2024-13-45", "---\ntitle: Malo\ndate: 2024-13-45\n---\nTexto.\n", 3));
        c.add(page("tags: 5", "---\ntitle: Malo\ntags: 5\n---\nTexto.\n", 3));
        c.add(page("tags as a map", "---\ntitle: Malo\ntags: {a: b}\n---\nTexto.\n", 3));
        c.add(page("draft: maybe", "---\ntitle: Malo\ndraft: maybe\n---\nTexto.\n", 3));
        c.add(page("weight: heavy", "---\ntitle: Malo\nweight: heavy\n---\nTexto.\n", 3));
        c.add(page("title is a list", "---\ntitle: [a, b]\n---\nTexto.\n", 2));
        c.add(page("no title", "---\ndescription: sin título\n---\nTexto.\n", 1));
        c.add(page("unknown topic", "---\ntitle: Malo\ntopics: [wter]\n---\nTexto.\n", 3));
        c.add(page("TOML front matter", "+++\ntitle = \"Malo\"\n+++\nTexto.\n", 1));
        c.add(page("no front matter", "Solo texto.\n", 1));
        // encodings and non-text
        c.add(bytes("invalid UTF-8 (Latin-1 é on line 5)", "---\ntitle: Malo\n---\n\nGesti\u00f3n\n".getBytes(StandardCharsets.ISO_8859_1), 5));
        c.add(bytes("truncated UTF-8 sequence at the end", concat("---\ntitle: Malo\n---\nx".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE2, (byte) 0x82}), 4));
        c.add(bytes("UTF-16 LE with BOM", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "---\ntitle: Malo\n---\n".getBytes(StandardCharsets.UTF_16LE)), 1));
        c.add(bytes("UTF-16 BE with BOM", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "---\ntitle: Malo\n---\n".getBytes(StandardCharsets.UTF_16BE)), 1));
        c.add(bytes("UTF-16 LE without BOM", "---\ntitle: Malo\n---\n".getBytes(StandardCharsets.UTF_16LE), 1));
        c.add(bytes("empty file", new byte[0], 1));
        c.add(bytes("only blank lines", "\n\n  \n".getBytes(StandardCharsets.UTF_8), -1));
        c.add(bytes("only a BOM", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 1));
        c.add(bytes("binary file (PNG) named .md", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'}, 3));
        c.add(bytes("binary file without NUL bytes", new byte[] {(byte) 0xC0, (byte) 0xFF, (byte) 0xFE, 0x7F, (byte) 0x80}, 1));
        c.add(bytes("NUL in the body", "---\ntitle: Malo\n---\nuno\ndos\0\n".getBytes(StandardCharsets.UTF_8), 5));
        // limits
        c.add(new Case("file larger than maxFileSize", s -> {
            s.writeFile("site.yaml", TestSite.DEFAULT_CONFIG + "limits: {maxFileSize: 2KB}\n");
            s.writeFile(BAD, "---\ntitle: Malo\n---\n" + "Texto largo. ".repeat(400));
        }, s -> List.of(), BAD, 1));
        c.add(new Case("file over fileTimeout", s -> {
            s.writeFile("site.yaml", TestSite.DEFAULT_CONFIG + "limits: {fileTimeout: 1ms}\n");
            s.writeFile(BAD, "---\ntitle: Malo\n---\n" + "Un *párrafo* con [enlaces](http://example.org) y `código`.\n\n".repeat(4_000));
        }, s -> List.of(), BAD, 1));
        // nesting
        c.add(page("10,000 nested quotes", "---\ntitle: Malo\n---\nUno.\n\n" + ">".repeat(10_000) + " hondo\n", 6));
        c.add(page("10,000 nested list items on one line", "---\ntitle: Malo\n---\nUno.\n\n" + "- ".repeat(10_000) + "hondo\n", 6));
        c.add(page("nested quotes and lists mixed", "---\ntitle: Malo\n---\nUno.\n\n" + "> - ".repeat(5_000) + "hondo\n", 6));
        c.add(page("2,000 nested list items by indentation", "---\ntitle: Malo\n---\nUno.\n\n"
                + Stream.iterate(0, i -> i + 1).limit(2_000).map(i -> "  ".repeat(i) + "- item\n").reduce("", String::concat), -1));
        // addresses
        c.add(new Case("two files producing one URL (slug)", s -> s.writeFile(BAD, "---\ntitle: Malo\nslug: agua\n---\nTexto.\n"),
                s -> List.of(), null, -1));
        c.add(new Case("two files producing one URL (url)", s -> s.writeFile(BAD, "---\ntitle: Malo\nurl: /knowledge/agua/\n---\nTexto.\n"),
                s -> List.of(), null, -1));
        c.add(new Case("alias on top of a page", s -> s.writeFile(BAD, "---\ntitle: Malo\naliases: [/knowledge/agua/]\n---\nTexto.\n"),
                s -> List.of(), null, -1));
        c.add(new Case("duplicate translationKey in one language", s -> {
            s.writeFile("content/knowledge/otro.es.md", "---\ntitle: Otro\ntranslationKey: agua-clave\n---\nTexto.\n");
            s.writeFile(BAD, "---\ntitle: Malo\ntranslationKey: agua-clave\n---\nTexto.\n");
        }, s -> List.of(), "content/knowledge/otro.es.md", 3));
        c.add(new Case("file without language suffix duplicating agua.es.md",
                s -> s.writeFile("content/knowledge/agua.md", "---\ntitle: Otra agua\n---\nTexto.\n"), s -> List.of(), "content/knowledge/agua.md", -1));
        c.add(page("slug with ..", "---\ntitle: Malo\nslug: ..\n---\nTexto.\n", 3));
        c.add(page("slug with ../", "---\ntitle: Malo\nslug: ../../etc\n---\nTexto.\n", 3));
        c.add(page("slug with a backslash", "---\ntitle: Malo\nslug: 'a\\b'\n---\nTexto.\n", 3));
        c.add(page("slug with NUL", "---\ntitle: Malo\nslug: \"a\\0b\"\n---\nTexto.\n", 3));
        c.add(page("slug that is an absolute path", "---\ntitle: Malo\nslug: /etc/passwd\n---\nTexto.\n", 3));
        c.add(page("url with ..", "---\ntitle: Malo\nurl: /a/../../../etc/\n---\nTexto.\n", 3));
        c.add(page("url with a backslash", "---\ntitle: Malo\nurl: '\\a\\b'\n---\nTexto.\n", 3));
        c.add(page("url with NUL", "---\ntitle: Malo\nurl: \"/a\\0/\"\n---\nTexto.\n", 3));
        c.add(page("url with a scheme", "---\ntitle: Malo\nurl: file:///etc/passwd\n---\nTexto.\n", 3));
        c.add(page("url that is a Windows path", "---\ntitle: Malo\nurl: 'C:\\Windows'\n---\nTexto.\n", 3));
        c.add(page("alias with ..", "---\ntitle: Malo\naliases: [/viejo/, ../../fuera]\n---\nTexto.\n", 3));
        c.add(page("alias to another host", "---\ntitle: Malo\naliases: [//evil.example/x]\n---\nTexto.\n", 3));
        c.add(page("alias with a backslash", "---\ntitle: Malo\naliases: ['\\\\server\\share']\n---\nTexto.\n", 3));
        c.add(page("alias with characters no USB stick can hold", "---\ntitle: Malo\naliases: ['/viejo\"><script>x</script>/']\n---\nTexto.\n", 3));
        c.add(page("slug with a colon and a question mark", "---\ntitle: Malo\nslug: 'que: es?'\n---\nTexto.\n", 3));
        c.add(page("type with ..", "---\ntitle: Malo\ntype: ../x\n---\nTexto.\n", 3));
        c.add(page("layout with a slash", "---\ntitle: Malo\nlayout: /etc/passwd\n---\nTexto.\n", 3));
        // body
        c.add(page("link out of the content folder", "---\ntitle: Malo\n---\nVer [esto](../../../../etc/passwd).\n", 4));
        c.add(page("link to a missing page", "---\ntitle: Malo\n---\nUno.\n\nVer [esto](agu.md).\n", 6));
        c.add(page("unknown shortcode", "---\ntitle: Malo\n---\nUno.\n{{< nada >}}\n", 5));
        // files
        c.add(new Case("symlink out of the content folder", s -> {
            Path outside = s.dir().getParent().resolve("secreto.md");
            Files.writeString(outside, "---\ntitle: Secreto\n---\nclave\n");
            Files.createSymbolicLink(s.dir().resolve(BAD), outside);
        }, s -> List.of(), BAD, 0));
        c.add(new Case("symlinked folder out of the content folder", s -> {
            Path outside = Files.createDirectories(s.dir().getParent().resolve("fuera"));
            Files.writeString(outside.resolve("x.md"), "---\ntitle: Fuera\n---\n");
            Files.createSymbolicLink(s.dir().resolve("content/knowledge/fuera"), outside);
        }, s -> List.of(), "content/knowledge/fuera", 0));
        c.add(new Case("broken symlink", s -> Files.createSymbolicLink(s.dir().resolve(BAD), s.dir().resolve("nada.md")),
                s -> List.of(), BAD, 0));
        c.add(new Case("a named pipe named .md", s -> {
            Process p = new ProcessBuilder("mkfifo", s.dir().resolve(BAD).toString()).start();
            try {
                assertEquals(0, p.waitFor());
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        }, s -> List.of(), BAD, 0));
        // site.yaml
        c.add(config("site.yaml: tab", "paginate:\n\t10\n", CONFIG_LINES + 2));
        c.add(config("site.yaml: duplicate key", "paginate: 10\npaginate: 20\n", CONFIG_LINES + 2));
        c.add(config("site.yaml: unknown key", "paginete: 10\n", CONFIG_LINES + 1));
        c.add(config("site.yaml: html neither strict nor trusted", "html: loose\n", CONFIG_LINES + 1));
        c.add(config("site.yaml: maxFileSize not a size", "limits: {maxFileSize: lots}\n", CONFIG_LINES + 1));
        c.add(config("site.yaml: fileTimeout not a duration", "limits: {fileTimeout: soon}\n", CONFIG_LINES + 1));
        // output folders
        c.add(output("output inside content", s -> s.dir().resolve("content/public")));
        c.add(output("output inside themes", s -> s.dir().resolve("themes/out")));
        c.add(output("output is the site folder", s -> s.dir()));
        c.add(output("output is a file", s -> s.dir().resolve("site.yaml")));
        c.add(output("output under a regular file", s -> s.dir().resolve("site.yaml/public")));
        c.add(output("output under /proc (cannot be written, even by root)", s -> Path.of("/proc/acervo-test-output")));
        c.add(output("output is a folder Acervo did not make", s -> Files.writeString(Files.createDirectories(s.dir().resolve("docs")).resolve("keep.txt"), "mine"),
                s -> s.dir().resolve("docs")));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsReportedAndChangesNothing(Case bad) throws Exception {
        TestSite site = goodSite();
        String before = SiteSnapshot.treeHash(site.output());
        bad.setup().apply(site);
        List<String> listing = SiteSnapshot.listing(parent, site.output());

        site.build(bad.args().apply(site).toArray(String[]::new));

        String all = site.out() + site.err();
        assertEquals(1, site.exit(), "exit code; output:\n" + all);
        assertFalse(all.contains("Exception") || all.contains("at org.") || all.contains("at java.") || all.contains("Error:"),
                "no stack trace:\n" + all);
        List<String> problems = site.err().lines().filter(l -> !l.startsWith("warning: ") && !l.startsWith("note: "))
                .filter(l -> !l.matches("\\d+ problems?; the output was not changed\\.")).toList();
        assertFalse(problems.isEmpty(), "a problem is reported:\n" + all);
        for (String p : problems) {
            boolean ok = AT_LINE.matcher(p).matches() || (bad.line() <= 0 && AT_PATH.matcher(p).matches());
            assertTrue(ok, "problem line in the form path:line:col: what (how to fix): " + p);
        }
        if (bad.file() != null) {
            String expected = bad.line() > 0 ? bad.file() + ":" + bad.line() + ":" : bad.file() + ":";
            assertTrue(problems.stream().anyMatch(p -> p.startsWith(expected)), "a problem at " + expected + ":\n" + all);
        }
        assertEquals(before, SiteSnapshot.treeHash(site.output()), "the previous output is unchanged");
        assertEquals(listing, SiteSnapshot.listing(parent, site.output()), "nothing written outside the output folder");
    }

    @Test
    void unreadableFileIsReported() throws Exception {
        TestSite site = goodSite();
        String before = SiteSnapshot.treeHash(site.output());
        site.writeFile(BAD, "---\ntitle: Malo\n---\nTexto.\n");
        Path bad = site.dir().resolve(BAD);
        Files.setPosixFilePermissions(bad, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(bad) && canOpen(bad),
                    "running as root (or with CAP_DAC_OVERRIDE): permissions cannot make a file unreadable; the named-pipe case covers files that cannot be read");
            site.build();
            assertEquals(1, site.exit(), site.err());
            assertTrue(site.err().lines().anyMatch(l -> l.startsWith(BAD) && l.contains("cannot be read")), site.err());
            assertEquals(before, SiteSnapshot.treeHash(site.output()));
        } finally {
            Files.setPosixFilePermissions(bad, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static boolean canOpen(Path p) {
        try (var in = Files.newInputStream(p)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void suiteHasAtLeastFortyCases() {
        assertTrue(cases().count() >= 40);
    }
}
