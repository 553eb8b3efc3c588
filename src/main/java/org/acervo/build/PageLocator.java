package org.acervo.build;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.acervo.config.SiteConfig;
import org.acervo.content.ContentTree;
import org.acervo.content.ParsedSource;
import org.acervo.content.SourceFile;
import org.acervo.model.Content;
import org.acervo.model.Page;
import org.acervo.model.PageKind;
import org.acervo.problem.Problems;

/**
 * Gives every parsed source its site path and translation key ({@code es/conocimiento/agua/}),
 * leaves out drafts and future pages unless asked, and reports two files of one language
 * claiming one translation key.
 */
public final class PageLocator {
    private final SiteConfig config;
    private final Problems problems;
    private final boolean drafts;
    private final ZonedDateTime now;

    public PageLocator(SiteConfig config, Problems problems, boolean drafts, ZonedDateTime now) {
        this.config = config;
        this.problems = problems;
        this.drafts = drafts;
        this.now = now;
    }

    public PageIndex locate(ContentTree tree, List<ParsedSource> parsed) {
        Map<String, String> folderSlugs = folderSlugs(parsed);
        List<Page> pages = new ArrayList<>();
        Map<Page, ParsedSource> sources = new HashMap<>();
        Map<String, Map<String, Page>> byPath = new LinkedHashMap<>();
        Map<String, ParsedSource> byKey = new HashMap<>();
        Set<String> unpublished = new HashSet<>();
        for (ParsedSource p : parsed) {
            SourceFile s = p.source();
            if (!drafts && (p.meta().draft() || p.meta().date().map(d -> d.isAfter(now)).orElse(false))) {
                unpublished.add(s.translationPath());
                continue;
            }
            String key = p.meta().translationKey().map(k -> "key:" + k).orElse("path:" + s.translationPath());
            ParsedSource previous = byKey.putIfAbsent(s.lang() + "|" + key, p);
            if (previous != null) {
                problems.error(p.meta().where("translationKey", org.acervo.problem.SourceLocation.at(s.shown(), 1)),
                        "two '" + s.lang() + "' pages share the translation " + key.substring(key.indexOf(':') + 1)
                                + " (the other is " + previous.source().shown().toString().replace('\\', '/') + ")",
                        "give each page its own translationKey; translations of one page are in different languages");
                continue;
            }
            checkTerms(p);
            Page page = page(p, key, folderSlugs);
            if (!fitsFileSystems(p, page)) continue;
            pages.add(page);
            sources.put(page, p);
            byPath.computeIfAbsent(s.translationPath(), k -> new LinkedHashMap<>()).putIfAbsent(s.lang(), page);
        }
        return new PageIndex(List.copyOf(pages), sources, byPath, unpublished, tree, config.languageCodes());
    }

    /** The slugs that folders' {@code _index} files give them, by language and folder. */
    static Map<String, String> folderSlugs(java.util.Collection<ParsedSource> parsed) {
        Map<String, String> folderSlugs = new HashMap<>();
        for (ParsedSource p : parsed) {
            if (p.source().kind() == SourceFile.Kind.BRANCH && !p.source().dir().isEmpty()) {
                p.meta().slug().ifPresent(s -> folderSlugs.put(p.source().lang() + "|" + p.source().dir(), s));
            }
        }
        return folderSlugs;
    }

    /**
     * A page read again after an edit, located as {@link #locate} would: empty when the edit changes more than the page
     * itself (it is now a draft or dated in the future, has another translation key or has problems).
     */
    Optional<Page> relocate(ParsedSource p, Page before, Map<String, String> folderSlugs) {
        if (!drafts && (p.meta().draft() || p.meta().date().map(d -> d.isAfter(now)).orElse(false))) return Optional.empty();
        String key = p.meta().translationKey().map(k -> "key:" + k).orElse("path:" + p.source().translationPath());
        if (!key.equals(before.translationKey())) return Optional.empty();
        checkTerms(p);
        if (problems.hasErrors()) return Optional.empty();
        return Optional.of(page(p, key, folderSlugs));
    }

    /** Terms of taxonomies that declare their terms must be among them. */
    private void checkTerms(ParsedSource p) {
        for (org.acervo.config.TaxonomyConfig tax : config.taxonomies().values()) {
            if (!tax.closed()) continue;
            for (String value : p.meta().terms(tax.key())) {
                if (SiteAssembler.termIdOf(tax, value).isPresent()) continue;
                // editors write labels as often as ids: when no id is near, suggest from the labels, naming the id to write
                Map<String, String> labels = new java.util.TreeMap<>();
                tax.terms().forEach((id, ls) -> ls.values().forEach(l -> labels.putIfAbsent(l, id)));
                Optional<String> suggestion = org.acervo.problem.Suggestions.nearest(value, tax.terms().keySet())
                        .or(() -> org.acervo.problem.Suggestions.nearest(value, labels.keySet()).map(l -> labels.get(l) + "' (" + l + ")"))
                        .map(s -> s.endsWith(")") ? s : s + "'");
                problems.error(p.meta().where(tax.key(), org.acervo.problem.SourceLocation.at(p.source().shown(), 1)),
                        "unknown " + tax.key() + " term '" + value + "'",
                        suggestion.map(s -> "did you mean '" + s + "? ").orElse("")
                                + "the terms are declared under taxonomies: " + tax.key() + ": terms: in site.yaml: "
                                + String.join(", ", tax.terms().keySet()));
            }
        }
    }

    private Page page(ParsedSource p, String key, Map<String, String> folderSlugs) {
        SourceFile s = p.source();
        String lang = s.lang();
        PageKind kind;
        String path;
        Optional<String> bundle = Optional.empty();
        switch (s.kind()) {
            case BRANCH -> {
                kind = s.dir().isEmpty() ? PageKind.HOME : PageKind.SECTION;
                path = lang + "/" + folderPath(lang, s.dir(), folderSlugs);
            }
            case BUNDLE -> {
                kind = PageKind.SINGLE;
                String dir = s.dir();
                int slash = dir.lastIndexOf('/');
                String parent = slash < 0 ? "" : dir.substring(0, slash);
                String name = p.meta().slug().orElse(dir.substring(slash + 1));
                path = lang + "/" + folderPath(lang, parent, folderSlugs) + name + "/";
                bundle = Optional.of(dir);
            }
            default -> {
                kind = PageKind.SINGLE;
                path = lang + "/" + folderPath(lang, s.dir(), folderSlugs) + p.meta().slug().orElse(s.baseName()) + "/";
            }
        }
        if (kind == PageKind.SINGLE && p.meta().url().isPresent()) {
            String u = p.meta().url().get().replaceAll("^/+|/+$", "");
            path = lang + "/" + (u.isEmpty() ? "" : u + "/");
        }
        String type = p.meta().type().orElse(s.section().isEmpty() ? "page" : s.section());
        return new Page(kind, lang, path, s.section(), type, key, s, p.meta(), bundle, Content.EMPTY);
    }

    /** The longest file or folder name that file systems take (ext4, NTFS, exFAT on a USB stick): 255 bytes. */
    static final int MAX_NAME_BYTES = 255;

    /**
     * Each part of a page's address names a folder of the output: a part longer than file systems allow could not be
     * written (the build would fail while writing, with no line to point at), so it is reported here, at the slug or
     * url that made it, or at the file whose name did.
     */
    private boolean fitsFileSystems(ParsedSource p, Page page) {
        for (String part : page.path().split("/")) {
            int bytes = part.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes <= MAX_NAME_BYTES) continue;
            String field = page.kind() == PageKind.SINGLE && p.meta().url().isPresent() ? "url" : p.meta().slug().isPresent() ? "slug" : null;
            org.acervo.problem.SourceLocation file = org.acervo.problem.SourceLocation.at(p.source().shown(), 1);
            problems.error(field == null ? file : p.meta().where(field, file),
                    "the page's address has a part of " + bytes + " bytes (" + part.substring(0, Math.min(part.length(), 40))
                            + "...), longer than a file or folder name may be (" + MAX_NAME_BYTES + " bytes)",
                    field == null ? "give the page a short slug: in its front matter, slug: a-few-words"
                            : "shorten the " + field + " to a few words");
            return false;
        }
        return true;
    }

    /** {@code conocimiento/agua/} for the folder knowledge/agua in Spanish, from the folders' _index slugs. */
    static String folderPath(String lang, String dir, Map<String, String> folderSlugs) {
        if (dir.isEmpty()) return "";
        StringBuilder b = new StringBuilder();
        String sofar = "";
        for (String seg : dir.split("/")) {
            sofar = sofar.isEmpty() ? seg : sofar + "/" + seg;
            b.append(folderSlugs.getOrDefault(lang + "|" + sofar, seg)).append('/');
        }
        return b.toString();
    }
}
