package org.acervo;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.acervo.cli.Main;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A small site written inline, Hugo style: blocks headed {@code -- path --}, built in a
 * temporary folder with the real command line, then read back as parsed HTML.
 * Without a {@code -- site.yaml --} block the site gets {@link #DEFAULT_CONFIG}; the
 * repository's default theme is copied in unless the text brings its own theme files.
 */
public final class TestSite {
    public static final String DEFAULT_CONFIG = """
            languages:
              es:
                name: Español
                title: Biblioteca
                menu:
                  - {label: Conocimiento, page: knowledge}
              en:
                name: English
                title: Library
                menu:
                  - {label: Knowledge, page: knowledge}
            taxonomies:
              tags: {}
              topics:
                title: {es: Temas, en: Topics}
                slug: {es: temas, en: topics}
                terms:
                  water: {es: Agua, en: Water}
                  transport: {es: Transporte, en: Transport}
              cities: {}
              audience: {}
            """;
    private static final Pattern BLOCK = Pattern.compile("(?m)^-- (\\S.*?) --\\n");

    private final Path dir;
    private String out = "";
    private String err = "";
    private int exit = -1;

    private TestSite(Path dir) {
        this.dir = dir;
    }

    /** A site already in {@code dir}, as it is. */
    public static TestSite at(Path dir) {
        return new TestSite(dir);
    }

    /** Writes the files of {@code text} under {@code dir}. */
    public static TestSite create(Path dir, String text) {
        TestSite site = new TestSite(dir);
        if (!text.contains("-- themes/default/layouts/_default/baseof.html --")) copyTree(Path.of("themes/default"), dir.resolve("themes/default"));
        site.write(text);
        if (!Files.exists(dir.resolve("site.yaml"))) site.write("-- site.yaml --\n" + DEFAULT_CONFIG);
        return site;
    }

    /** Adds or replaces files, in the same block format. */
    public TestSite write(String text) {
        Matcher m = BLOCK.matcher(text);
        List<int[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), m.end()});
            names.add(m.group(1));
        }
        for (int i = 0; i < names.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
            writeFile(names.get(i), text.substring(starts.get(i)[1], end));
        }
        return this;
    }

    public TestSite writeFile(String path, String content) {
        return writeBytes(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public TestSite writeBytes(String path, byte[] bytes) {
        try {
            Path p = dir.resolve(path);
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path output() {
        return dir.resolve("public");
    }

    /** Runs {@code acervo build --source DIR} plus extra arguments. */
    public TestSite build(String... extra) {
        List<String> args = new ArrayList<>(List.of("build", "--source", dir.toString()));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    public TestSite run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        exit = Main.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
        out = o.toString();
        err = e.toString();
        return this;
    }

    /** Builds and fails the test, showing the messages, unless the build succeeded. */
    public TestSite buildOk(String... extra) {
        build(extra);
        if (exit != 0) throw new AssertionError("build failed with exit " + exit + ":\n" + err + out);
        return this;
    }

    public int exit() {
        return exit;
    }

    public String out() {
        return out;
    }

    public String err() {
        return err;
    }

    public boolean exists(String outputPath) {
        return Files.exists(output().resolve(outputPath));
    }

    public String text(String outputPath) {
        try {
            return Files.readString(output().resolve(outputPath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An output HTML file, parsed; its base URI is the file so that {@code absUrl} resolves relative links. */
    public Document html(String outputPath) {
        Path p = output().resolve(outputPath);
        if (!Files.exists(p)) throw new AssertionError("no output file " + outputPath + "; files: " + files());
        try {
            return Jsoup.parse(p.toFile(), "UTF-8", p.toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All output files, relative, sorted. */
    public List<String> files() {
        try (var s = Files.walk(output())) {
            return s.filter(Files::isRegularFile).map(p -> output().relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void copyTree(Path from, Path to) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(from.relativize(d).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    Files.copy(f, to.resolve(from.relativize(f).toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
