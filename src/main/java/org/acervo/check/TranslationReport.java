package org.acervo.check;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acervo.config.SiteConfig;
import org.acervo.content.ContentHash;
import org.acervo.content.ContentTree;
import org.acervo.content.FrontMatter;
import org.acervo.content.SourceFile;

/**
 * Which pages have no translation in each language, and which translations are stale, read from
 * the sources (so it works while the build has errors). Files pair the way the build pairs them:
 * by {@code translationKey}, else by path without the language suffix.
 *
 * <p>A translation's source is its page in the default language (for a page in the default
 * language with {@code translationOf}, the first other language that has it). A translation is
 * stale when its {@code translationOf} differs from the source's current {@link ContentHash};
 * without {@code translationOf}, when the source's last git commit, or else its {@code lastmod}
 * (or {@code date}), is newer than the translation's.
 *
 * @param missing per language, the pages that have no translation into it
 * @param stale   per language, the translations in it that are older than their source
 */
public record TranslationReport(List<String> languages, Map<String, List<Missing>> missing, Map<String, List<Stale>> stale) {

    /** A page with no translation into some language. Paths are relative to the site folder. */
    public record Missing(String source, String lang, String section) {}

    /** A translation older than its source, and why. */
    public record Stale(String translation, String source, String section, String reason) {}

    public static final String TRANSLATION_OF = "translationOf";

    /** @param meta front matter of each source that parsed, by content-relative path */
    public static TranslationReport of(SiteConfig config, ContentTree tree, Map<String, FrontMatter> meta, SourceDates dates) {
        List<String> langs = config.languageCodes();
        Map<String, Map<String, SourceFile>> groups = new LinkedHashMap<>();
        for (SourceFile s : tree.sources()) {
            FrontMatter m = meta.get(s.relative());
            String key = Optional.ofNullable(m).flatMap(FrontMatter::translationKey).map(k -> "key:" + k)
                    .orElse("path:" + s.translationPath());
            groups.computeIfAbsent(key, k -> new LinkedHashMap<>()).putIfAbsent(s.lang(), s);
        }
        Map<String, List<Missing>> missing = new LinkedHashMap<>();
        Map<String, List<Stale>> stale = new LinkedHashMap<>();
        for (String l : langs) {
            missing.put(l, new ArrayList<>());
            stale.put(l, new ArrayList<>());
        }
        String defaultLang = config.defaultLanguage();
        for (Map<String, SourceFile> group : groups.values()) {
            SourceFile original = group.containsKey(defaultLang) ? group.get(defaultLang)
                    : langs.stream().filter(group::containsKey).map(group::get).findFirst().orElseThrow();
            for (String l : langs) {
                if (!group.containsKey(l)) missing.get(l).add(new Missing(shown(original), original.lang(), original.section()));
            }
            for (SourceFile t : group.values()) {
                Optional<SourceFile> source = sourceOf(t, group, langs, defaultLang);
                if (source.isEmpty()) continue;
                staleReason(t, source.get(), meta, dates, defaultLang)
                        .ifPresent(r -> stale.get(t.lang()).add(new Stale(shown(t), shown(source.get()), t.section(), r)));
            }
        }
        missing.values().forEach(list -> list.sort(Comparator.comparing(Missing::source)));
        stale.values().forEach(list -> list.sort(Comparator.comparing(Stale::translation)));
        return new TranslationReport(langs, missing, stale);
    }

    private static Optional<SourceFile> sourceOf(SourceFile t, Map<String, SourceFile> group, List<String> langs, String defaultLang) {
        if (!t.lang().equals(defaultLang)) return Optional.ofNullable(group.get(defaultLang));
        return langs.stream().filter(l -> !l.equals(t.lang()) && group.containsKey(l)).map(group::get).findFirst();
    }

    private static Optional<String> staleReason(SourceFile t, SourceFile source, Map<String, FrontMatter> meta, SourceDates dates,
                                                String defaultLang) {
        FrontMatter tm = meta.get(t.relative());
        Object recorded = tm == null ? null : tm.params().get(TRANSLATION_OF);
        if (recorded != null) {
            String current;
            try {
                current = ContentHash.of(Files.readAllBytes(source.absolute()));
            } catch (IOException e) {
                return Optional.empty();
            }
            String r = String.valueOf(recorded).trim();
            return r.equalsIgnoreCase(current) ? Optional.empty()
                    : Optional.of(shown(source) + " changed since this translation was made (translationOf " + r + ", now " + current + ")");
        }
        // without translationOf, only pages outside the default language are translations
        if (t.lang().equals(defaultLang)) return Optional.empty();
        Optional<Instant> sc = dates.committed(source.relative());
        Optional<Instant> tc = dates.committed(t.relative());
        if (sc.isPresent() && tc.isPresent()) {
            return sc.get().isAfter(tc.get())
                    ? Optional.of(shown(source) + " was committed after this translation (" + sc.get() + " > " + tc.get() + ")")
                    : Optional.empty();
        }
        FrontMatter sm = meta.get(source.relative());
        if (sm == null || tm == null) return Optional.empty();
        Optional<Instant> sl = sm.lastmod().or(sm::date).map(d -> d.toInstant());
        Optional<Instant> tl = tm.lastmod().or(tm::date).map(d -> d.toInstant());
        if (sl.isPresent() && tl.isPresent() && sl.get().isAfter(tl.get())) {
            return Optional.of(shown(source) + " has a newer lastmod than this translation (" + sl.get().toString().substring(0, 10)
                    + " > " + tl.get().toString().substring(0, 10) + ")");
        }
        return Optional.empty();
    }

    static String shown(SourceFile s) {
        return s.shown().toString().replace('\\', '/');
    }

    public int missingCount() {
        return missing.values().stream().mapToInt(List::size).sum();
    }

    public int staleCount() {
        return stale.values().stream().mapToInt(List::size).sum();
    }

    /** The JSON shape: {"missing": {"es": [paths]}, "stale": {"es": [paths]}, "staleDetails": ...}. */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> m = new LinkedHashMap<>();
        missing.forEach((l, list) -> m.put(l, list.stream().map(Missing::source).toList()));
        Map<String, Object> s = new LinkedHashMap<>();
        stale.forEach((l, list) -> s.put(l, list.stream().map(Stale::translation).toList()));
        Map<String, Object> details = new LinkedHashMap<>();
        stale.forEach((l, list) -> details.put(l, list.stream().map(x -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("translation", x.translation());
            d.put("source", x.source());
            d.put("section", x.section());
            d.put("reason", x.reason());
            return (Object) d;
        }).toList()));
        out.put("missing", m);
        out.put("stale", s);
        out.put("staleDetails", details);
        return out;
    }
}
