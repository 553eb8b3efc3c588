package org.acervo.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.acervo.problem.BuildFailure;
import org.acervo.problem.Problems;
import org.acervo.problem.SourceLocation;
import org.acervo.yaml.YamlMap;
import org.acervo.yaml.YamlTree;

/** Reads site.yaml into a {@link SiteConfig}; every unknown or mistyped key is reported with its line. */
public final class SiteConfigLoader {
    public static final String FILE = "site.yaml";
    static final List<String> TOP_KEYS = List.of("languages", "defaultContentLanguage", "theme", "organisation",
            "baseURL", "taxonomies", "paginate", "html", "limits", "budgets", "offline", "rules");
    static final List<String> LANGUAGE_KEYS = List.of("name", "title", "description", "menu");
    static final List<String> MENU_KEYS = List.of("label", "page", "url");
    static final List<String> TAXONOMY_KEYS = List.of("title", "slug", "terms");
    static final List<String> LIMIT_KEYS = List.of("maxFileSize", "fileTimeout");
    static final List<String> RULE_KEYS = List.of("required", "allowed");
    static final List<String> BUDGET_KEYS = List.of("textPage", "withImages");

    /** Loads {@code siteDir/site.yaml}; throws {@link BuildFailure} with every problem found. */
    public SiteConfig load(Path siteDir) {
        Path file = siteDir.resolve(FILE);
        Path shown = Path.of(FILE);
        Problems problems = new Problems();
        if (!Files.isRegularFile(file)) {
            throw new BuildFailure(new org.acervo.problem.BuildProblem(SourceLocation.of(shown),
                    "no site.yaml in " + siteDir.toAbsolutePath().normalize(),
                    "run acervo in your site's folder, or pass --source DIR"));
        }
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BuildFailure(new org.acervo.problem.BuildProblem(SourceLocation.of(shown),
                    "cannot read site.yaml: " + e.getMessage(), "check the file's permissions"));
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        SiteConfig config = parse(text, shown, problems);
        problems.throwIfAny();
        return config;
    }

    SiteConfig parse(String text, Path shown, Problems problems) {
        YamlTree tree = new YamlTree(shown, 1, problems);
        YamlMap root = YamlMap.of(tree, tree.parse(text).orElse(null), "site.yaml");
        root.allowOnly(TOP_KEYS, "site.yaml");

        List<LanguageConfig> languages = new ArrayList<>();
        YamlMap langs = root.map("languages");
        for (String code : langs.keys()) {
            SourceLocation where = langs.whereKey(code).orElse(root.where());
            if (!code.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
                problems.error(where, "'" + code + "' is not a language code", "use a code such as es, en, pt or pt-BR");
                continue;
            }
            YamlMap l = langs.map(code);
            l.allowOnly(LANGUAGE_KEYS, "language '" + code + "'");
            List<MenuEntry> menu = new ArrayList<>();
            for (YamlMap m : l.maps("menu")) {
                m.allowOnly(MENU_KEYS, "a menu entry");
                Optional<String> label = m.string("label");
                Optional<String> page = m.string("page");
                Optional<String> url = m.string("url");
                if (label.isEmpty()) {
                    problems.error(m.where(), "menu entry without a label", "add label: Text shown in the menu");
                } else if (page.isPresent() == url.isPresent()) {
                    problems.error(m.where(), "menu entry '" + label.get() + "' needs either page or url",
                            "page: knowledge (a section or content path) or url: https://...");
                } else {
                    menu.add(new MenuEntry(label.get(), page.orElse(null), url.orElse(null), m.where()));
                }
            }
            String name = l.string("name").orElse(code);
            languages.add(new LanguageConfig(code, name, l.string("title").orElse("Acervo"),
                    l.string("description").orElse(""), menu));
        }
        if (languages.isEmpty() && !problems.hasErrors()) {
            problems.error(root.whereKey("languages").orElse(SourceLocation.at(shown, 1)),
                    "site.yaml names no languages",
                    "add languages: with one entry per language, e.g. es: {name: Español, title: Mi biblioteca}");
        }
        List<String> codes = languages.stream().map(LanguageConfig::code).toList();

        String defaultContentLanguage = root.string("defaultContentLanguage").orElse(codes.isEmpty() ? "es" : codes.get(0));
        if (!codes.isEmpty() && !codes.contains(defaultContentLanguage)) {
            problems.error(root.whereValue("defaultContentLanguage").orElseThrow(),
                    "defaultContentLanguage '" + defaultContentLanguage + "' is not one of the languages",
                    "use one of: " + String.join(", ", codes));
        }

        Map<String, TaxonomyConfig> taxonomies = new LinkedHashMap<>();
        if (root.has("taxonomies")) {
            YamlMap tax = root.map("taxonomies");
            for (String key : tax.keys()) {
                YamlMap t = tax.map(key);
                t.allowOnly(TAXONOMY_KEYS, "taxonomy '" + key + "'");
                // names that become parts of addresses: es/<slug>/<term>/
                if (!isSegment(key)) badSegment(problems, tax.whereKey(key).orElse(tax.where()), "taxonomy name", key, "topics");
                YamlMap slugs = t.map("slug");
                Map<String, String> slugValues = t.stringMap("slug");
                for (String lang : slugs.keys()) {
                    String slug = slugValues.getOrDefault(lang, "");
                    if (!isSegment(slug)) badSegment(problems, slugs.whereValue(lang).orElse(slugs.where()), "slug", slug, "temas");
                }
                Map<String, Map<String, String>> terms = new LinkedHashMap<>();
                YamlMap termsMap = t.map("terms");
                for (String id : termsMap.keys()) {
                    if (!isSegment(id)) badSegment(problems, termsMap.whereKey(id).orElse(termsMap.where()), "term id", id, "water");
                    terms.put(id, termsMap.stringMap(id));
                }
                taxonomies.put(key, new TaxonomyConfig(key, t.stringMap("title"), t.stringMap("slug"), terms));
            }
        } else {
            for (String key : List.of("tags", "topics", "cities", "audience")) {
                taxonomies.put(key, new TaxonomyConfig(key, Map.of(), Map.of(), Map.of()));
            }
        }

        Optional<Organisation> organisation = Optional.empty();
        if (root.has("organisation")) {
            YamlMap o = root.map("organisation");
            o.allowOnly(List.of("name", "url"), "organisation");
            organisation = o.string("name").map(n -> new Organisation(n, o.string("url").orElse(null)));
        }

        Optional<String> baseURL = root.string("baseURL").filter(s -> !s.isBlank());
        baseURL.ifPresent(b -> {
            if (!b.matches("https?://[^\\s]+")) {
                problems.error(root.whereValue("baseURL").orElseThrow(), "baseURL '" + b + "' is not an http(s) address",
                        "write the full address, e.g. baseURL: https://biblioteca.example.org/");
            }
        });

        long perPage = root.integer("paginate").orElse(20L);
        int paginate = 20;
        if (perPage < 1) {
            problems.error(root.whereValue("paginate").orElseThrow(), "paginate must be at least 1", "for example: paginate: 20");
        } else if (perPage > 100_000) {
            problems.error(root.whereValue("paginate").orElseThrow(), "paginate " + perPage + " is more items than a list page can show",
                    "for example: paginate: 20");
        } else {
            paginate = (int) perPage;
        }
        HtmlPolicy html = HtmlPolicy.STRICT;
        Optional<String> htmlValue = root.string("html");
        if (htmlValue.isPresent()) {
            try {
                html = HtmlPolicy.valueOf(htmlValue.get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.error(root.whereValue("html").orElseThrow(), "html must be strict or trusted",
                        "strict keeps only harmless HTML; trusted is for sites whose every editor is trusted");
            }
        }

        YamlMap lim = root.map("limits");
        lim.allowOnly(LIMIT_KEYS, "limits");
        Limits limits = new Limits(
                lim.string("maxFileSize").map(v -> bytes(v, lim, "maxFileSize", problems)).orElse(Limits.DEFAULT.maxFileBytes()),
                lim.string("fileTimeout").map(v -> millis(v, lim, "fileTimeout", problems)).orElse(Limits.DEFAULT.fileTimeoutMillis()));
        // a zero limit would refuse every file: surely a slip, not a wish
        if (limits.maxFileBytes() <= 0 && lim.has("maxFileSize")) {
            problems.error(lim.whereValue("maxFileSize").orElseThrow(), "maxFileSize must be more than 0", "write a size such as 5MB");
        }
        if (limits.fileTimeoutMillis() <= 0 && lim.has("fileTimeout")) {
            problems.error(lim.whereValue("fileTimeout").orElseThrow(), "fileTimeout must be more than 0", "write a duration such as 10s");
        }

        YamlMap bud = root.map("budgets");
        bud.allowOnly(BUDGET_KEYS, "budgets");
        Budgets budgets = new Budgets(
                bud.string("textPage").map(v -> bytes(v, bud, "textPage", problems)).orElse(Budgets.DEFAULT.textPage()),
                bud.string("withImages").map(v -> bytes(v, bud, "withImages", problems)).orElse(Budgets.DEFAULT.withImages()));

        boolean offline = root.bool("offline").orElse(false);
        String theme = root.string("theme").orElse("default");
        if (!theme.matches("[A-Za-z0-9._-]+") || theme.startsWith(".")) {
            problems.error(root.whereValue("theme").orElseThrow(), "theme '" + theme + "' is not a folder name",
                    "name a folder under themes/, e.g. theme: default");
            theme = "default";
        }
        if (languages.isEmpty()) languages.add(new LanguageConfig("es", "Español", "Acervo", "", List.of()));
        return new SiteConfig(languages, defaultContentLanguage, theme, organisation, baseURL, taxonomies,
                paginate, html, limits, budgets, offline, rules(root));
    }

    /** {@code rules:} per section: required front matter keys and allowed values. */
    static Map<String, SectionRules> rules(YamlMap root) {
        Map<String, SectionRules> out = new LinkedHashMap<>();
        if (!root.has("rules")) return out;
        YamlMap rules = root.map("rules");
        for (String section : rules.keys()) {
            YamlMap r = rules.map(section);
            r.allowOnly(RULE_KEYS, "rules for '" + section + "'");
            Map<String, List<String>> allowed = new LinkedHashMap<>();
            YamlMap a = r.map("allowed");
            for (String key : a.keys()) allowed.put(key, a.strings(key));
            out.put(section, new SectionRules(section, r.strings("required"), allowed, rules.whereKey(section).orElse(root.where())));
        }
        return out;
    }

    /** Sizes such as 14KB, 5 MB or 20000 (bytes). */
    static long bytes(String v, YamlMap m, String key, Problems problems) {
        var matcher = java.util.regex.Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*(b|kb|kib|mb|mib)?\\s*").matcher(v);
        if (!matcher.matches()) {
            problems.error(m.whereValue(key).orElseThrow(), key + " '" + v + "' is not a size", "write a size such as 14KB or 5MB");
            return 0;
        }
        double n = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2) == null ? "b" : matcher.group(2).toLowerCase(Locale.ROOT);
        return (long) (n * switch (unit) {
            case "kb", "kib" -> 1024;
            case "mb", "mib" -> 1024 * 1024;
            default -> 1;
        });
    }

    /** Whether a name can be one part of an address: not empty, no slash, not "." or "..". */
    private static boolean isSegment(String s) {
        return !s.isBlank() && s.indexOf('/') < 0 && s.indexOf('\\') < 0 && !s.equals(".") && !s.equals("..");
    }

    private static void badSegment(Problems problems, org.acervo.problem.SourceLocation where, String what, String value, String example) {
        problems.error(where, "the " + what + " '" + value + "' cannot be part of an address",
                "use a word with no slash, not empty and not '.' or '..', for example " + example);
    }

    /** Durations such as 10s, 500ms or 2m. */
    static long millis(String v, YamlMap m, String key, Problems problems) {
        var matcher = java.util.regex.Pattern.compile("(?i)\\s*(\\d+)\\s*(ms|s|m)?\\s*").matcher(v);
        if (!matcher.matches()) {
            problems.error(m.whereValue(key).orElseThrow(), key + " '" + v + "' is not a duration", "write a duration such as 10s or 500ms");
            return 0;
        }
        String unit = matcher.group(2) == null ? "s" : matcher.group(2).toLowerCase(Locale.ROOT);
        try {
            long n = Long.parseLong(matcher.group(1));
            return switch (unit) {
                case "ms" -> n;
                case "m" -> Math.multiplyExact(n, 60_000L);
                default -> Math.multiplyExact(n, 1000L);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            problems.error(m.whereValue(key).orElseThrow(), key + " '" + v + "' is too long", "write a duration such as 10s or 2m");
            return Long.MAX_VALUE; // reported: not also "must be more than 0"
        }
    }
}
