package org.acervo.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.acervo.config.SiteConfig;
import org.acervo.problem.Problems;
import org.acervo.problem.SourceLocation;
import org.acervo.yaml.YamlMap;
import org.acervo.yaml.YamlTree;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a Markdown source: checks its encoding, splits the YAML front matter from the body,
 * and types the known keys. Every problem is reported at its line; a file with problems
 * gives no {@link ParsedSource}.
 */
public final class FrontMatterParser {
    /** Keys with a meaning of their own; anything else is a page parameter. */
    public static final Set<String> KNOWN_KEYS = Set.of("title", "description", "date", "lastmod", "draft", "slug", "url",
            "aliases", "weight", "translationKey", "type", "layout");

    /**
     * Characters Windows and USB-stick file systems (FAT, exFAT) refuse in file names; the
     * output must copy to any of them, so addresses an editor chooses may not use them.
     */
    private static final String NOT_IN_FILE_NAMES = "<>:\"|?*";

    private final SiteConfig config;
    private final Problems problems;

    public FrontMatterParser(SiteConfig config, Problems problems) {
        this.config = config;
        this.problems = problems;
    }

    public Optional<ParsedSource> read(SourceFile source) {
        return read(source, bytes -> {});
    }

    /** @param bytesRead sees the file's bytes as they were read, before they are parsed (what a cache keys the result by) */
    public Optional<ParsedSource> read(SourceFile source, java.util.function.Consumer<byte[]> bytesRead) {
        // each file's problems are gathered apart: files are read in parallel, and whether
        // this file failed must not depend on what other files reported meanwhile
        Problems own = new Problems();
        Optional<ParsedSource> result = new FrontMatterParser(config, own).readOwn(source, bytesRead);
        problems.addAll(own);
        return own.hasErrors() ? Optional.empty() : result;
    }

    /**
     * A parse from bytes already read: its result, whether it had no problem at all (no warning either), and the
     * file's text as decoded (null when it could not be).
     */
    public record Read(Optional<ParsedSource> parsed, boolean clean, String text) {}

    /** As {@link #read(SourceFile)}, from the file's bytes (the caller checked their size against the limit). */
    public Read read(SourceFile source, byte[] bytes) {
        Problems own = new Problems();
        FrontMatterParser p = new FrontMatterParser(config, own);
        Optional<String> text = p.decode(source, bytes);
        Optional<ParsedSource> result = text.flatMap(t -> p.parse(source, t));
        problems.addAll(own);
        return new Read(own.hasErrors() ? Optional.empty() : result, !own.hasErrors() && own.warnings().isEmpty(), text.orElse(null));
    }

    /** The file's text as the parser reads it (a BOM dropped, line ends made \n), when it can be decoded. */
    public Optional<String> text(SourceFile source, byte[] bytes) {
        return new FrontMatterParser(config, new Problems()).decode(source, bytes);
    }

    private Optional<ParsedSource> readOwn(SourceFile source, java.util.function.Consumer<byte[]> bytesRead) {
        byte[] bytes;
        try {
            long size = Files.size(source.absolute());
            if (size > config.limits().maxFileBytes()) {
                problems.error(SourceLocation.at(source.shown(), 1), "file is too large (" + size / 1024 + " KB; the limit is "
                        + config.limits().maxFileBytes() / 1024 + " KB)",
                        "split it into several pages, or raise limits: maxFileSize in site.yaml");
                return Optional.empty();
            }
            bytes = Files.readAllBytes(source.absolute());
        } catch (IOException e) {
            problems.error(SourceLocation.of(source.shown()), "cannot read this file: " + e.getMessage(), "check its permissions");
            return Optional.empty();
        }
        bytesRead.accept(bytes);
        return decode(source, bytes).flatMap(text -> parse(source, text));
    }

    /**
     * The text of bytes that {@link #decode} accepted before (the build cache knows them by their fingerprint): the
     * same text, without checking them again.
     */
    static String textOf(byte[] bytes) {
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n');
    }

    /** UTF-8 only (a BOM is accepted); UTF-16, binary files and broken bytes are reported with their line. */
    Optional<String> decode(SourceFile source, byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            problems.error(SourceLocation.at(source.shown(), 1), "this file is saved as UTF-16",
                    "save it as UTF-8 (in most editors: Save as, Encoding: UTF-8)");
            return Optional.empty();
        }
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                problems.error(SourceLocation.at(source.shown(), lineAt(bytes, i)),
                        "this is not a text file (it contains NUL bytes)",
                        "Markdown pages must be plain text; put other files beside the page in its folder, without the .md ending");
                return Optional.empty();
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
            return Optional.of(text.replace("\r\n", "\n").replace('\r', '\n'));
        } catch (CharacterCodingException e) {
            int bad = firstBadUtf8(bytes, start);
            problems.error(new SourceLocation(source.shown(), lineAt(bytes, bad), columnAt(bytes, bad)),
                    "this file is not valid UTF-8 (byte 0x" + String.format("%02X", bytes[bad] & 0xFF) + ")",
                    "save it as UTF-8; it was probably written as Latin-1 or Windows-1252");
            return Optional.empty();
        }
    }

    private static int lineAt(byte[] bytes, int index) {
        int line = 1;
        for (int i = 0; i < index && i < bytes.length; i++) if (bytes[i] == '\n') line++;
        return line;
    }

    private static int columnAt(byte[] bytes, int index) {
        int col = 1;
        for (int i = index - 1; i >= 0 && bytes[i] != '\n'; i--) col++;
        return col;
    }

    private static int firstBadUtf8(byte[] b, int start) {
        var decoder = StandardCharsets.UTF_8.newDecoder();
        int i = start;
        while (i < b.length) {
            int n = (b[i] & 0x80) == 0 ? 1 : (b[i] & 0xE0) == 0xC0 ? 2 : (b[i] & 0xF0) == 0xE0 ? 3 : (b[i] & 0xF8) == 0xF0 ? 4 : -1;
            if (n < 0 || i + n > b.length) return i;
            try {
                decoder.reset().decode(ByteBuffer.wrap(b, i, n));
            } catch (CharacterCodingException e) {
                return i;
            }
            i += n;
        }
        return Math.max(start, b.length - 1);
    }

    /** Splits and types the front matter of decoded text. */
    public Optional<ParsedSource> parse(SourceFile source, String text) {
        // blank lines before the opening --- are tolerated (Hugo does); lines keep their numbers
        int skipped = 0;
        while (!text.isBlank() && text.indexOf('\n') >= 0 && text.substring(0, text.indexOf('\n')).isBlank()) {
            text = text.substring(text.indexOf('\n') + 1);
            skipped++;
        }
        SourceLocation top = SourceLocation.at(source.shown(), 1 + skipped);
        if (text.isBlank()) {
            problems.error(top, "this file is empty", "start it with front matter: ---, title: Your title, --- and then the text");
            return Optional.empty();
        }
        if (text.startsWith("+++")) {
            problems.error(top, "TOML front matter (+++) is not supported",
                    "rewrite it as YAML between --- lines: title = \"X\" becomes title: \"X\"");
            return Optional.empty();
        }
        if (!text.startsWith("---")) {
            problems.error(top, "the file does not start with front matter",
                    "begin the file with a line ---, then title: Your title, then another line ---");
            return Optional.empty();
        }
        int firstNl = text.indexOf('\n');
        if (firstNl < 0 || !text.substring(3, firstNl).isBlank()) {
            problems.error(top, "the first line must be exactly ---", "put the front matter on the lines after ---");
            return Optional.empty();
        }
        int end = -1;
        int line = 2 + skipped;
        int pos = firstNl + 1;
        int closeLine = -1;
        while (pos <= text.length()) {
            int nl = text.indexOf('\n', pos);
            String l = nl < 0 ? text.substring(pos) : text.substring(pos, nl);
            if (l.stripTrailing().equals("---") || l.stripTrailing().equals("...")) {
                end = pos;
                closeLine = line;
                break;
            }
            if (nl < 0) break;
            pos = nl + 1;
            line++;
        }
        if (end < 0) {
            problems.error(top, "the front matter is not closed", "add a line with --- after the last front matter line");
            return Optional.empty();
        }
        String yaml = text.substring(firstNl + 1, end);
        int bodyStart = text.indexOf('\n', end);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        Problems own = new Problems();
        YamlTree tree = new YamlTree(source.shown(), 2 + skipped, own);
        Optional<Node> node = tree.parse(yaml);
        FrontMatter fm = own.hasErrors() ? null : new FrontMatterParser(config, own).typed(source, YamlMap.of(tree, node.orElse(null), "the front matter"), top);
        problems.addAll(own);
        if (own.hasErrors()) return Optional.empty();
        return Optional.of(new ParsedSource(source, fm, body, closeLine + 1));
    }

    FrontMatter typed(SourceFile source, YamlMap m, SourceLocation top) {
        Map<String, SourceLocation> locations = new LinkedHashMap<>();
        for (String k : m.keys()) locations.put(k, m.whereKey(k).orElse(top));
        // people profiles (a member directory) name a person rather than title a page
        Optional<String> title = m.string("title").or(() -> m.string("name")).map(String::strip);
        if (title.isEmpty() || title.get().isEmpty()) {
            problems.error(m.whereKey("title").orElse(top), "the page has no title", "add a line title: Your title to the front matter");
        }
        Optional<ZonedDateTime> date = date(m, "date");
        Optional<ZonedDateTime> lastmod = date(m, "lastmod");
        boolean draft = m.bool("draft").orElse(false);
        Optional<String> slug = m.string("slug").map(String::strip);
        slug.ifPresent(s -> checkSegment(s, m, "slug"));
        Optional<String> url = m.string("url").map(String::strip);
        url.ifPresent(u -> checkPath(u, m.whereValue("url").orElse(top), "url"));
        List<String> aliases = m.strings("aliases");
        for (String a : aliases) checkPath(a, m.whereValue("aliases").orElse(top), "alias");
        int weight = m.integer("weight").map(Long::intValue).orElse(0);
        Optional<String> translationKey = m.string("translationKey").map(String::strip).filter(s -> !s.isEmpty());
        Optional<String> type = m.string("type").map(String::strip);
        type.ifPresent(t -> checkName(t, m, "type"));
        Optional<String> layout = m.string("layout").map(String::strip);
        layout.ifPresent(t -> checkName(t, m, "layout"));
        Map<String, List<String>> taxonomies = new LinkedHashMap<>();
        for (String tax : config.taxonomies().keySet()) {
            List<String> terms = m.strings(tax).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (!terms.isEmpty()) taxonomies.put(tax, terms);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (String k : m.keys()) params.put(k, m.java(k));
        warnNearKnownKeys(m, top);
        return new FrontMatter(title.orElse(""), m.string("description").orElse("").strip(), date, lastmod, draft, slug, url,
                aliases, weight, translationKey, type, layout, taxonomies, params, locations);
    }

    /**
     * Any key is allowed (it becomes a page parameter), so a misspelt known key ({@code tittle},
     * {@code topic}) would silently do nothing: warn when a key is one typo away from a known key
     * or taxonomy and is not itself one.
     */
    private void warnNearKnownKeys(YamlMap m, SourceLocation top) {
        java.util.Set<String> known = new java.util.TreeSet<>(KNOWN_KEYS);
        known.addAll(config.taxonomies().keySet());
        known.add("translationOf");
        for (String k : m.keys()) {
            if (known.contains(k) || k.length() < 4) continue;
            org.acervo.problem.Suggestions.nearest(k, known)
                    .filter(n -> org.acervo.problem.Suggestions.distance(k.toLowerCase(java.util.Locale.ROOT), n.toLowerCase(java.util.Locale.ROOT)) <= 2)
                    .ifPresent(n -> problems.warn(m.whereKey(k).orElse(top), "unknown front matter key '" + k + "'",
                            "did you mean '" + n + "'? (other keys are kept as page parameters for the theme)"));
        }
    }

    private Optional<ZonedDateTime> date(YamlMap m, String key) {
        Optional<String> raw = m.string(key);
        if (raw.isEmpty()) return Optional.empty();
        Optional<ZonedDateTime> parsed = parseDate(raw.get().strip());
        if (parsed.isEmpty()) {
            problems.error(m.whereValue(key).orElseThrow(), "'" + raw.get() + "' is not a date",
                    "write the date as year-month-day, e.g. " + key + ": 2024-05-31");
        }
        return parsed;
    }

    /** Dates as YAML and Hugo content write them: 2024-05-31, 2024-05-31T10:00:00Z, 2024-05-31 10:00:00 +0200. */
    public static Optional<ZonedDateTime> parseDate(String s) {
        try {
            return Optional.of(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // try the longer forms
        }
        String iso = s.replaceFirst("([Tt ])(\\d):", "$10$2:").replaceFirst("^(\\d{4}-\\d{2}-\\d{2})[ t](\\d)", "$1T$2").replaceFirst("\\s*Z$", "Z")
                .replaceFirst("\\s+([+-]\\d{2}):?(\\d{2})$", "$1:$2");
        try {
            return Optional.of(OffsetDateTime.parse(iso).atZoneSameInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // no offset
        }
        try {
            return Optional.of(LocalDateTime.parse(iso).atZone(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            return Optional.empty();
        }
    }

    private void checkSegment(String s, YamlMap m, String key) {
        SourceLocation where = m.whereValue(key).orElse(m.where());
        if (s.isEmpty() || s.contains("/") || s.contains("\\") || s.contains("\0") || s.equals(".") || s.equals("..")
                || s.chars().anyMatch(Character::isISOControl) || s.chars().anyMatch(c -> NOT_IN_FILE_NAMES.indexOf(c) >= 0)) {
            problems.error(where, key + " '" + printable(s) + "' is not a simple name",
                    "use letters, digits and dashes only, e.g. " + key + ": gestion-del-agua");
        }
    }

    private void checkName(String s, YamlMap m, String key) {
        if (!s.matches("[A-Za-z0-9_-]+")) {
            problems.error(m.whereValue(key).orElse(m.where()), key + " '" + printable(s) + "' is not a simple name",
                    "use letters, digits, dashes and underscores only");
        }
    }

    /** A URL path an editor may choose (url, aliases): no .., no backslashes, no control characters, no scheme. */
    private void checkPath(String s, SourceLocation where, String what) {
        List<String> wrong = new ArrayList<>();
        if (s.contains("\\")) wrong.add("a backslash");
        if (s.chars().anyMatch(Character::isISOControl)) wrong.add("a control character");
        if (s.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) wrong.add("a scheme (" + s.substring(0, s.indexOf(':') + 1) + ")");
        for (String seg : s.split("/")) if (seg.equals("..") || seg.equals(".")) wrong.add("'" + seg + "'");
        if (s.startsWith("//")) wrong.add("a double slash");
        String forbidden = s.chars().filter(c -> NOT_IN_FILE_NAMES.indexOf(c) >= 0).distinct()
                .mapToObj(c -> String.valueOf((char) c)).reduce("", String::concat);
        if (!forbidden.isEmpty()) wrong.add("characters that file names cannot hold on every host (" + forbidden + ")");
        if (!wrong.isEmpty()) {
            problems.error(where, what + " '" + printable(s) + "' contains " + String.join(", ", wrong),
                    "write a path inside the site, such as /old/name/");
        }
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
        return b.toString();
    }
}
