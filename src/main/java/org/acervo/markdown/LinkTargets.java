package org.acervo.markdown;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.acervo.build.PageIndex;
import org.acervo.content.SourceFile;
import org.acervo.model.Page;
import org.acervo.problem.Problems;
import org.acervo.problem.SourceLocation;
import org.acervo.problem.Suggestions;

/**
 * Resolves what an editor links to (another Markdown source, a file in a page bundle) to a
 * site path such as {@code /es/conocimiento/agua/}. A link to something that does not
 * exist is reported at its line, with the nearest existing name.
 */
public final class LinkTargets {
    private final PageIndex index;
    private final Problems problems;
    /** Every question asked and its answer, when recording (see {@link #recording}); else null. */
    private final java.util.List<String> asked;

    public LinkTargets(PageIndex index, Problems problems) {
        this(index, problems, null);
    }

    private LinkTargets(PageIndex index, Problems problems, java.util.List<String> asked) {
        this.index = index;
        this.problems = problems;
        this.asked = asked;
    }

    /**
     * The same targets, noting every question asked and its answer: what a page's rendered Markdown depends on of the
     * rest of the site, for the build cache. One per page: not for sharing between threads.
     */
    public LinkTargets recording() {
        return new LinkTargets(index, problems, new java.util.ArrayList<>());
    }

    /** The questions asked so far, each with its answer (empty unless recording). */
    public java.util.List<String> asked() {
        return asked == null ? java.util.List.of() : java.util.List.copyOf(asked);
    }

    /** Whether each of the questions {@code asked} (as {@link #asked()} gave them) has the same answer here, for {@code from}. */
    public boolean answersAlike(java.util.List<String> asked, Page from) {
        SourceLocation where = SourceLocation.of(from.source().shown());
        for (String q : asked) {
            int sep = q.indexOf('\0');
            if (sep < 1) return false;
            String url = q.substring(1, sep);
            String answer = switch (q.charAt(0)) {
                case 'r' -> answer(resolveOnly(url, from, where));
                case 'f' -> answer(localFileOnly(url, from).map(Object::toString));
                default -> null;
            };
            if (!q.substring(sep + 1).equals(answer)) return false;
        }
        return true;
    }

    private static String answer(Optional<String> a) {
        return a.map(v -> "=" + v).orElse("-");
    }

    private void note(char kind, String url, Optional<String> answer) {
        if (asked != null) asked.add(kind + url + '\0' + answer(answer));
    }

    /** True for links this class leaves alone: external, mail, anchors in the same page. */
    static boolean isExternal(String url) {
        return url.isEmpty() || url.startsWith("#") || url.startsWith("//") || url.matches("(?i)^[a-z][a-z0-9+.-]*:.*")
                || url.matches("^[^/@\\s]+@[^/@\\s]+\\.[A-Za-z]{2,}$"); // e-mail addresses autolinked from text
    }

    /**
     * @return the site path to link to, or empty when the link stays as written (external)
     *         or is broken (then reported)
     */
    public Optional<String> resolve(String url, Page from, SourceLocation where) {
        Optional<String> r = resolveOnly(url, from, where);
        note('r', url, r);
        return r;
    }

    private Optional<String> resolveOnly(String url, Page from, SourceLocation where) {
        if (isExternal(url) || url.startsWith("/")) return Optional.empty();
        String fragment = "";
        int hash = url.indexOf('#');
        if (hash >= 0) {
            fragment = url.substring(hash);
            url = url.substring(0, hash);
        }
        int q = url.indexOf('?');
        if (q >= 0) url = url.substring(0, q);
        String decoded = org.acervo.util.Slugs.decodePath(url);
        SourceFile src = from.source();
        Optional<String> target = normalize(src.dir(), decoded);
        if (target.isEmpty()) {
            problems.error(where, "link '" + url + "' goes outside the content folder", "link to a page or file inside content/");
            return Optional.empty();
        }
        String t = target.get();
        if (t.endsWith(".md") || t.isEmpty() || t.endsWith("/") || isContentDir(t)) {
            String tp = translationPath(t);
            Optional<Page> page = index.find(tp, from.lang());
            if (page.isPresent()) return Optional.of("/" + page.get().path() + fragment);
            if (index.unpublished().contains(tp)) {
                problems.error(where, "link to '" + url + "', a draft or future-dated page that is not published",
                        "publish that page (draft: false, a past date), remove the link, or build with --drafts");
            } else {
                problems.error(where, "link to '" + url + "': there is no such page", suggest(t, true));
            }
            return Optional.empty();
        }
        if (index.tree().resources().contains(t)) {
            Optional<String> bundle = index.tree().bundleOf(t);
            if (bundle.isPresent()) {
                Optional<Page> owner = index.find(bundle.get(), from.lang());
                if (owner.isPresent()) {
                    String rest = bundle.get().isEmpty() ? t : t.substring(bundle.get().length() + 1);
                    // the file's name as an address: a space is %20 there, a percent sign %25
                    return Optional.of("/" + owner.get().path() + org.acervo.util.Slugs.encodePath(rest) + fragment);
                }
            }
            problems.error(where, "link to '" + url + "': the file is not inside a page bundle",
                    "move the file into the folder of a page (beside its index.md), or into static/");
            return Optional.empty();
        }
        problems.error(where, "link to '" + url + "': there is no such file", suggest(t, false));
        return Optional.empty();
    }

    /**
     * The file on disk that a link names, when it is a file of a page bundle (relative link)
     * or of the site's {@code static/} folder (a link starting with "/"); never reports.
     */
    public Optional<java.nio.file.Path> localFile(String url, Page from) {
        Optional<java.nio.file.Path> f = localFileOnly(url, from);
        note('f', url, f.map(Object::toString));
        return f;
    }

    private Optional<java.nio.file.Path> localFileOnly(String url, Page from) {
        if (isExternal(url)) return Optional.empty();
        String u = url.replaceAll("[?#].*$", "");
        String decoded = org.acervo.util.Slugs.decodePath(u);
        if (decoded.startsWith("/")) {
            java.nio.file.Path staticDir = index.tree().contentDir().resolveSibling("static");
            Optional<String> rel = normalize("", decoded.substring(1));
            return rel.filter(r -> !r.isEmpty()).map(staticDir::resolve).filter(Files::isRegularFile);
        }
        return normalize(from.source().dir(), decoded).filter(t -> index.tree().resources().contains(t))
                .map(t -> index.tree().contentDir().resolve(t)).filter(Files::isRegularFile);
    }

    private boolean isContentDir(String t) {
        return Files.isDirectory(index.tree().contentDir().resolve(t));
    }

    /** Content path without .md ending and language suffix, as pages are keyed. */
    private String translationPath(String t) {
        String p = t.replaceAll("/+$", "");
        if (p.endsWith(".md")) p = p.substring(0, p.length() - 3);
        int slash = p.lastIndexOf('/');
        String name = p.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0 && index.languages().contains(name.substring(dot + 1))) {
            p = p.substring(0, slash + 1) + name.substring(0, dot);
            name = name.substring(0, dot);
        }
        if (name.equals("index")) return slash < 0 ? "/_index" : p.substring(0, slash);
        if (name.equals("_index")) return p;
        if (index.byTranslationPath().containsKey(p)) return p;
        if (index.byTranslationPath().containsKey(p + "/_index")) return p + "/_index";
        if (p.isEmpty()) return "/_index";
        return p;
    }

    /** Resolves {@code ../a/b.md} against a content folder; empty when it leaves content/. */
    static Optional<String> normalize(String dir, String url) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        if (!dir.isEmpty()) for (String s : dir.split("/")) parts.addLast(s);
        String[] segs = url.split("/", -1);
        for (int i = 0; i < segs.length; i++) {
            String s = segs[i];
            if (s.equals("..")) {
                if (parts.isEmpty()) return Optional.empty();
                parts.removeLast();
            } else if (!s.equals(".") && !s.isEmpty()) {
                parts.addLast(s);
            }
        }
        String joined = String.join("/", parts);
        return Optional.of(url.endsWith("/") && !joined.isEmpty() ? joined + "/" : joined);
    }

    private String suggest(String t, boolean page) {
        List<String> candidates = page
                ? index.byTranslationPath().keySet().stream().map(k -> k.endsWith("/_index") ? k.substring(0, k.length() - 7) : k)
                        .map(k -> k + ".md").toList()
                : index.tree().resources();
        String wanted = page ? translationPath(t) + ".md" : t;
        return Suggestions.nearest(wanted, candidates).map(s -> "did you mean '" + s + "'?")
                .orElse("check the file name; links are relative to the page's own folder, e.g. ../knowledge/agua.md");
    }
}
