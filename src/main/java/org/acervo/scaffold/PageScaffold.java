package org.acervo.scaffold;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.StringLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.acervo.check.TranslationReport;
import org.acervo.config.SiteConfig;
import org.acervo.content.ContentHash;
import org.acervo.problem.BuildFailure;
import org.acervo.problem.BuildProblem;
import org.acervo.problem.SourceLocation;
import org.acervo.problem.Suggestions;

/**
 * Creates pages for editors. A new page comes from {@code themes/<theme>/archetypes/<section>.md},
 * else {@code archetypes/default.md}, else a built-in one; archetypes are Pebble templates that get
 * {@code title}, {@code date}, {@code translationKey}, {@code lang} and {@code section}. A translation
 * copies the source's front matter and text, and records {@code translationOf:} (see {@link ContentHash}).
 */
public final class PageScaffold {
    static final String BUILT_IN = """
            ---
            title: "{{ title }}"
            description: ""
            date: {{ date }}
            translationKey: {{ translationKey }}
            ---

            Write the page here.
            """;
    private final Path siteDir;
    private final SiteConfig config;
    private final ZonedDateTime now;

    public PageScaffold(Path siteDir, SiteConfig config, ZonedDateTime now) {
        this.siteDir = siteDir;
        this.config = config;
        this.now = now;
    }

    /** Creates {@code content/<section>/<name>.<lang>.md}; returns the file, relative to the site folder. */
    public Path newPage(String sectionAndName, Optional<String> langOption) {
        String spec = sectionAndName.replace('\\', '/').replaceAll("^/+|/+$", "").replaceAll("\\.md$", "");
        String lang = checkLang(langOption.orElse(config.defaultContentLanguage()));
        if (!spec.matches("[\\p{L}\\p{N}_-]+(/[\\p{L}\\p{N}_-]+)*")) {
            throw fail(Path.of("content"), "'" + sectionAndName + "' is not a section and a page name",
                    "write it as section/name with letters, digits and dashes, e.g. acervo new knowledge/water-tariffs");
        }
        int slash = spec.lastIndexOf('/');
        String name = spec.substring(slash + 1);
        String dir = slash < 0 ? "" : spec.substring(0, slash);
        String section = dir.contains("/") ? dir.substring(0, dir.indexOf('/')) : dir;
        if (!section.isEmpty() && !Files.isDirectory(siteDir.resolve("content").resolve(section))) {
            List<String> sections = sections();
            throw fail(Path.of("content", section), "there is no section '" + section + "'",
                    Suggestions.nearest(section, sections).map(s -> "did you mean '" + s + "'? ").orElse("")
                            + "sections: " + String.join(", ", sections) + "; or create the folder content/" + section + " first");
        }
        if (Files.isDirectory(siteDir.resolve("content").resolve(spec))) {
            // content/knowledge.es.md would claim the section's own address
            throw fail(Path.of("content", spec), "'" + spec + "' is a section, not a page", "name the page inside it, e.g. acervo new "
                    + spec + "/water-tariffs; to change the section's own page, edit its _index." + lang + ".md");
        }
        Path shown = Path.of("content").resolve((dir.isEmpty() ? "" : dir + "/") + name + "." + lang + ".md");
        Path file = siteDir.resolve(shown);
        if (Files.exists(file) || Files.exists(siteDir.resolve("content").resolve((dir.isEmpty() ? "" : dir + "/") + name + ".md"))) {
            throw fail(shown, "this page already exists", "choose another name, or edit the existing file");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", title(name));
        values.put("date", now.format(DateTimeFormatter.ISO_LOCAL_DATE));
        values.put("translationKey", name);
        values.put("lang", lang);
        values.put("section", section);
        Archetype archetype = archetype(section);
        write(file, render(archetype, values));
        return shown;
    }

    /** Creates the translation of {@code source} into {@code lang}, next to it. */
    public Path translate(Path source, String langOption) {
        String lang = checkLang(langOption);
        Path abs = source.isAbsolute() ? source : Files.exists(source) ? source.toAbsolutePath() : siteDir.resolve(source);
        Path content = siteDir.resolve("content").toAbsolutePath().normalize();
        abs = abs.toAbsolutePath().normalize();
        Path shownSource = abs.startsWith(content) ? Path.of("content").resolve(content.relativize(abs)) : source;
        if (!Files.isRegularFile(abs) || !abs.toString().endsWith(".md")) {
            throw fail(shownSource, "there is no such Markdown page", "give the path of an existing page, e.g. content/knowledge/agua.es.md");
        }
        if (!abs.startsWith(content)) throw fail(shownSource, "this page is not inside content/", "translate a page of this site");
        String fileName = abs.getFileName().toString();
        String stem = fileName.substring(0, fileName.length() - 3);
        int dot = stem.lastIndexOf('.');
        String srcLang = config.defaultContentLanguage();
        if (dot > 0 && config.languageCodes().contains(stem.substring(dot + 1))) {
            srcLang = stem.substring(dot + 1);
            stem = stem.substring(0, dot);
        }
        if (srcLang.equals(lang)) throw fail(shownSource, "this page is already in '" + lang + "'", "name the language to translate it into");
        Path target = abs.resolveSibling(stem + "." + lang + ".md");
        Path shownTarget = Path.of("content").resolve(content.relativize(target));
        if (Files.exists(target)) throw fail(shownTarget, "the translation already exists", "edit it; acervo check tells whether it is stale");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(abs);
        } catch (IOException e) {
            throw fail(shownSource, "cannot read this file: " + e.getMessage(), "check its permissions");
        }
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (!text.startsWith("---\n")) {
            throw fail(shownSource, "the page has no YAML front matter (--- lines) to copy", "start the page with --- / title: ... / ---");
        }
        int end = text.indexOf("\n---", 4);
        if (end < 0) throw fail(SourceLocation.at(shownSource, 1), "the front matter is not closed", "add a line --- after it");
        List<String> kept = withoutKeys(text.substring(4, end), List.of("slug", "url", "aliases", "draft", TranslationReport.TRANSLATION_OF));
        kept.add(TranslationReport.TRANSLATION_OF + ": \"" + ContentHash.of(bytes) + "\"   # " + shownSource.toString().replace('\\', '/')
                + " when this translation was made");
        kept.add("draft: true   # remove when the text is translated");
        String body = text.substring(end + 4);
        write(target, "---\n" + String.join("\n", kept) + "\n---" + body);
        return shownTarget;
    }

    /** Front matter lines without the given top-level keys (and their indented continuation lines). */
    static List<String> withoutKeys(String frontMatter, List<String> keys) {
        List<String> out = new ArrayList<>();
        boolean skipping = false;
        for (String line : frontMatter.split("\n", -1)) {
            boolean topLevel = !line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("-");
            if (topLevel) {
                String key = line.contains(":") ? line.substring(0, line.indexOf(':')).trim() : "";
                skipping = keys.contains(key);
            }
            if (!skipping) out.add(line);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) out.remove(out.size() - 1);
        return out;
    }

    private record Archetype(Path shown, String text) {}

    private Archetype archetype(String section) {
        Path dir = siteDir.resolve("themes").resolve(config.theme()).resolve("archetypes");
        for (String name : List.of(section + ".md", "default.md")) {
            if (section.isEmpty() && name.equals(".md")) continue;
            Path f = dir.resolve(name);
            if (Files.isRegularFile(f)) {
                Path shown = Path.of("themes", config.theme(), "archetypes", name);
                try {
                    return new Archetype(shown, Files.readString(f, StandardCharsets.UTF_8));
                } catch (java.nio.charset.CharacterCodingException e) {
                    throw fail(shown, "this archetype is not UTF-8 text", "save it as UTF-8 (in most editors: Save with encoding, UTF-8)");
                } catch (IOException e) {
                    throw fail(shown, "cannot read this archetype: " + e.getMessage(), "check the file's permissions");
                }
            }
        }
        return new Archetype(Path.of("(built-in archetype)"), BUILT_IN);
    }

    private String render(Archetype a, Map<String, Object> values) {
        // archetypes write YAML, not HTML: no escaping
        PebbleEngine engine = new PebbleEngine.Builder().loader(new StringLoader()).autoEscaping(false).newLineTrimming(false)
                .strictVariables(true).build();
        try {
            StringWriter w = new StringWriter();
            engine.getTemplate(a.text()).evaluate(w, values);
            return w.toString();
        } catch (PebbleException e) {
            throw fail(new SourceLocation(a.shown(), e.getLineNumber() == null ? 0 : e.getLineNumber(), 1),
                    "archetype error: " + e.getPebbleMessage(), "archetypes can use {{ title }}, {{ date }}, {{ translationKey }}, {{ lang }} and {{ section }}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String checkLang(String lang) {
        if (!config.languageCodes().contains(lang)) {
            throw fail(Path.of("site.yaml"), "'" + lang + "' is not a language of this site",
                    Suggestions.nearest(lang, config.languageCodes()).map(s -> "did you mean '" + s + "'? ").orElse("")
                            + "languages: " + String.join(", ", config.languageCodes()));
        }
        return lang;
    }

    private List<String> sections() {
        try (var s = Files.list(siteDir.resolve("content"))) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** {@code water-tariffs} → {@code Water tariffs}. */
    static String title(String name) {
        String t = name.replace('-', ' ').replace('_', ' ').trim();
        return t.isEmpty() ? t : t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1);
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BuildFailure fail(Path shown, String what, String hint) {
        return fail(SourceLocation.of(shown), what, hint);
    }

    private static BuildFailure fail(SourceLocation where, String what, String hint) {
        return new BuildFailure(new BuildProblem(where, what, hint));
    }
}
