package org.acervo.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.acervo.config.SiteConfig;
import org.acervo.problem.BuildFailure;
import org.acervo.problem.BuildProblem;
import org.acervo.problem.Problems;
import org.acervo.problem.SourceLocation;
import org.acervo.yaml.YamlMap;
import org.acervo.yaml.YamlTree;

/**
 * A theme folder: {@code layouts/} (Pebble templates), {@code shortcodes/},
 * {@code i18n/<lang>.yaml} (UI strings) and {@code static/} (CSS, scripts, icons, published
 * under {@code assets/} with a content hash in their names).
 */
public final class Theme {
    private final Path dir;
    private final Path shown;
    private final Map<String, Map<String, String>> strings;
    private final Map<String, String> assets;
    private final Set<String> layouts;
    private final Set<String> shortcodes;
    private final Set<String> missing = ConcurrentHashMap.newKeySet();

    private Theme(Path dir, Path shown, Map<String, Map<String, String>> strings, Map<String, String> assets, Set<String> layouts,
                  Set<String> shortcodes) {
        this.dir = dir;
        this.shown = shown;
        this.strings = strings;
        this.assets = assets;
        this.layouts = layouts;
        this.shortcodes = shortcodes;
    }

    /** Loads {@code siteDir/themes/<config.theme>}; reports a missing theme or broken string files. */
    public static Theme load(Path siteDir, SiteConfig config, Problems problems) {
        Path shown = Path.of("themes", config.theme());
        Path dir = siteDir.resolve(shown);
        if (!Files.isDirectory(dir.resolve("layouts"))) {
            throw new BuildFailure(new BuildProblem(SourceLocation.at(Path.of("site.yaml"), 1),
                    "theme '" + config.theme() + "' not found (no folder " + shown + "/layouts)",
                    "copy themes/default from Acervo, or set theme: to a folder under themes/"));
        }
        Map<String, Map<String, String>> strings = new HashMap<>();
        for (String lang : config.languageCodes()) {
            Path file = dir.resolve("i18n").resolve(lang + ".yaml");
            Map<String, String> map = new LinkedHashMap<>();
            if (Files.isRegularFile(file)) {
                try {
                    YamlTree tree = new YamlTree(shown.resolve("i18n").resolve(lang + ".yaml"), 1, problems);
                    YamlMap m = YamlMap.of(tree, tree.parse(Files.readString(file, StandardCharsets.UTF_8)).orElse(null), "UI strings");
                    for (String k : m.keys()) m.string(k).ifPresent(v -> map.put(k, v));
                } catch (IOException e) {
                    problems.error(SourceLocation.of(shown.resolve("i18n").resolve(lang + ".yaml")), "cannot read: " + e.getMessage(), "check its permissions");
                }
            }
            strings.put(lang, map);
        }
        Map<String, String> assets = new LinkedHashMap<>();
        Path staticDir = dir.resolve("static");
        if (Files.isDirectory(staticDir)) {
            try (Stream<Path> files = Files.walk(staticDir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String rel = staticDir.relativize(f).toString().replace('\\', '/');
                    assets.put(rel, fingerprinted(rel, Files.readAllBytes(f)));
                }
            } catch (IOException e) {
                problems.error(SourceLocation.of(shown.resolve("static")), "cannot read: " + e.getMessage(), "check its permissions");
            }
        }
        return new Theme(dir, shown, strings, assets, names(dir.resolve("layouts")), names(dir.resolve("shortcodes")));
    }

    private static Set<String> names(Path folder) {
        Set<String> out = new TreeSet<>();
        if (!Files.isDirectory(folder)) return out;
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                String rel = folder.relativize(f).toString().replace('\\', '/');
                if (rel.endsWith(".html")) out.add(rel.substring(0, rel.length() - 5));
            });
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** {@code css/style.css} becomes {@code assets/css/style.1a2b3c4d.css}. */
    static String fingerprinted(String rel, byte[] bytes) {
        String hash = hash(bytes).substring(0, 10);
        int dot = rel.lastIndexOf('.');
        int slash = rel.lastIndexOf('/');
        return "assets/" + (dot > slash ? rel.substring(0, dot) + "." + hash + rel.substring(dot) : rel + "." + hash);
    }

    public static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path shown() {
        return shown;
    }

    /** Layout names relative to layouts/, without .html: {@code _default/single}. */
    public Set<String> layouts() {
        return layouts;
    }

    public Set<String> shortcodes() {
        return shortcodes;
    }

    /** Theme static file name to its published, fingerprinted path. */
    public Map<String, String> assets() {
        return assets;
    }

    public Optional<String> asset(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    /** Missing strings asked for on each thread: work that asked for one is not kept in the build cache (see {@link #misses}). */
    private static final ThreadLocal<int[]> MISSES = ThreadLocal.withInitial(() -> new int[1]);

    /**
     * How many missing strings this thread has asked for so far. A render that asked for one must be done again by the
     * next build, or its warning would be given once and never again.
     */
    public static int misses() {
        return MISSES.get()[0];
    }

    /** A UI string; a missing one is remembered (listed after the build) and falls back to the default language, then the key. */
    public String string(String lang, String key, String defaultLang) {
        String v = strings.getOrDefault(lang, Map.of()).get(key);
        if (v != null) return v;
        MISSES.get()[0]++;
        missing.add(lang + "|" + key);
        v = strings.getOrDefault(defaultLang, Map.of()).get(key);
        return v != null ? v : key;
    }

    /** Strings templates asked for that a language's file lacks, as "lang|key". */
    public List<String> missingStrings() {
        return missing.stream().sorted().toList();
    }
}
