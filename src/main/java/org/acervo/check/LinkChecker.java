package org.acervo.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.acervo.build.OutputFile;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Follows every link, image, stylesheet, script and download of the built site (before it is
 * written): each internal target must be a file of the output, and each {@code #anchor} an id
 * on the target page. External addresses are collected, not fetched (see {@link ExternalLinkChecker}).
 */
public final class LinkChecker {
    private static final String[] ATTRIBUTES = {"href", "src", "poster", "data-src"};

    /** A link that goes nowhere: the output page it is on, and the address as written there. */
    public record Broken(String page, String target, String reason) {}

    /** @param external every http(s) address, with the pages that link to it */
    public record Result(List<Broken> broken, Map<String, Set<String>> external, int pagesChecked, int linksChecked) {}

    public Result check(List<OutputFile> files) {
        Map<String, OutputFile> byPath = new java.util.HashMap<>();
        for (OutputFile f : files) byPath.put(f.path(), f);
        Map<String, Document> parsed = new ConcurrentHashMap<>();
        Map<String, Set<String>> ids = new ConcurrentHashMap<>();
        List<OutputFile> pages = files.stream().filter(f -> f.path().endsWith(".html") && f.bytes() != null).toList();
        for (OutputFile f : pages) parsed.put(f.path(), Jsoup.parse(new String(f.bytes(), StandardCharsets.UTF_8)));
        parsed.entrySet().parallelStream().forEach(e -> {
            Set<String> s = new HashSet<>();
            for (Element el : e.getValue().select("[id], a[name]")) {
                if (el.hasAttr("id")) s.add(el.id());
                if (el.hasAttr("name")) s.add(el.attr("name"));
            }
            ids.put(e.getKey(), s);
        });
        List<Broken> broken = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, Set<String>> external = new ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger links = new java.util.concurrent.atomic.AtomicInteger();
        parsed.entrySet().parallelStream().forEach(e -> {
            String page = e.getKey();
            if (isRedirect(e.getValue())) return; // alias pages point at their page, which is checked itself
            for (Element el : e.getValue().getAllElements()) {
                List<String> urls = new ArrayList<>();
                for (String a : ATTRIBUTES) if (el.hasAttr(a)) urls.add(el.attr(a));
                if (el.hasAttr("srcset")) {
                    for (String c : el.attr("srcset").split(",")) {
                        String t = c.trim();
                        if (!t.isEmpty()) urls.add(t.split("\\s+")[0]);
                    }
                }
                for (String url : urls) {
                    links.incrementAndGet();
                    check(page, url, byPath, ids).ifPresent(broken::add);
                    if (url.startsWith("http://") || url.startsWith("https://") || url.startsWith("//")) {
                        external.computeIfAbsent(url.startsWith("//") ? "https:" + url : url, k -> new TreeSet<>()).add(page);
                    }
                }
            }
        });
        List<Broken> sorted = new ArrayList<>(broken);
        sorted.sort(java.util.Comparator.comparing(Broken::page).thenComparing(Broken::target));
        Map<String, Set<String>> ext = new TreeMap<>();
        external.forEach((k, v) -> ext.put(k, new TreeSet<>(v)));
        return new Result(sorted, ext, parsed.size(), links.get());
    }

    private static boolean isRedirect(Document d) {
        return d.selectFirst("meta[http-equiv=refresh]") != null;
    }

    /** Why a link on {@code page} is broken, if it is. */
    static Optional<Broken> check(String page, String url, Map<String, OutputFile> files, Map<String, Set<String>> ids) {
        String u = url.trim();
        if (u.isEmpty()) return Optional.of(new Broken(page, url, "the address is empty"));
        String lower = u.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("http:") || lower.startsWith("https:") || u.startsWith("//") || lower.startsWith("mailto:")
                || lower.startsWith("tel:") || lower.startsWith("data:")) {
            return Optional.empty();
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*:.*")) return Optional.empty(); // another scheme: not ours to judge
        String fragment = "";
        int hash = u.indexOf('#');
        if (hash >= 0) {
            fragment = u.substring(hash + 1);
            u = u.substring(0, hash);
        }
        int q = u.indexOf('?');
        if (q >= 0) u = u.substring(0, q);
        String target;
        if (u.isEmpty()) {
            target = page;
        } else {
            String dir = page.contains("/") ? page.substring(0, page.lastIndexOf('/') + 1) : "";
            Optional<String> resolved = resolve(u.startsWith("/") ? u.substring(1) : dir + u);
            if (resolved.isEmpty()) return Optional.of(new Broken(page, url, "the address goes above the top of the site"));
            target = resolved.get();
            target = decode(target);
            if (target.isEmpty() || target.endsWith("/")) target = target + "index.html";
            else if (!files.containsKey(target) && files.containsKey(target + "/index.html")) target = target + "/index.html";
        }
        if (!files.containsKey(target)) return Optional.of(new Broken(page, url, "no file " + target + " in the site"));
        if (!fragment.isEmpty() && target.endsWith(".html")) {
            Set<String> known = ids.get(target);
            String id = decode(fragment);
            if (known != null && !known.contains(id)) {
                return Optional.of(new Broken(page, url, "no element with id '" + id + "' on " + target
                        + org.acervo.problem.Suggestions.nearest(id, known).map(n -> " (did you mean '#" + n + "'?)").orElse("")));
            }
        }
        return Optional.empty();
    }

    /** Removes "." and ".." segments; empty when ".." climbs above the top. */
    static Optional<String> resolve(String path) {
        java.util.ArrayDeque<String> out = new java.util.ArrayDeque<>();
        String[] parts = path.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            boolean last = i == parts.length - 1;
            if (p.equals("..")) {
                if (out.isEmpty()) return Optional.empty();
                out.removeLast();
                if (last) out.add("");
            } else if (p.equals(".")) {
                if (last) out.add("");
            } else if (!p.isEmpty() || last) {
                out.add(p);
            }
        }
        return Optional.of(String.join("/", out));
    }

    private static String decode(String s) {
        return org.acervo.util.Slugs.decodePath(s);
    }
}
