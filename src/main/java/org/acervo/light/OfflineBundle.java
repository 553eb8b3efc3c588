package org.acervo.light;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.acervo.build.OutputFile;
import org.acervo.config.TaxonomyConfig;
import org.acervo.model.LanguageSite;
import org.acervo.model.Section;
import org.acervo.model.Site;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A zip of the site that works unzipped and opened from disk (file://): every link to a folder
 * names its {@code index.html} (file:// does not open a folder's index), the download links and
 * the service worker (useless from disk) are left out, and so are the {@code .gz} twins, the
 * bundles themselves and the editors' report. A bundle may hold one language and one section;
 * links into the parts left out go to the online site when site.yaml has a baseURL, and
 * otherwise lose their address and say that the page is not in this copy.
 */
public final class OfflineBundle {
    /** What a bundle holds: every language or one, every section or one (a top-level content folder). */
    public record Scope(Optional<String> lang, Optional<String> section) {
        public static final Scope ALL = new Scope(Optional.empty(), Optional.empty());

        /** A file name for the bundle: {@code acervo}, {@code acervo-es}, {@code acervo-es-knowledge}. */
        public String name() {
            return "acervo" + lang.map(l -> "-" + l).orElse("") + section.map(s -> "-" + s).orElse("");
        }
    }

    private static final Set<String> LEFT_OUT = Set.of("sw.js", "robots.txt", "sitemap.xml", ".acervo-output");
    private static final long ZIP_TIME = 315532800000L + 86_400_000L; // 1980-01-02: the same bytes for the same site

    private final Site site;
    private final BiFunction<String, String, String> strings;

    /** @param strings UI string for (language, key) */
    public OfflineBundle(Site site, BiFunction<String, String, String> strings) {
        this.site = site;
        this.strings = strings;
    }

    /** The top-level sections of the site, by key (content folder). */
    public Set<String> sectionKeys() {
        Set<String> keys = new TreeSet<>();
        for (LanguageSite l : site.languages().values()) for (String k : l.sections().keySet()) if (!k.contains("/")) keys.add(k);
        return keys;
    }

    /** The zip's bytes; every entry is inside one folder named after the scope. */
    public byte[] zip(Collection<OutputFile> files, Scope scope) {
        return zip(files, scope, (path, doc) -> {});
    }

    /** Pages prepared at once: parsed and rewritten in parallel, then deflated in order (a batch in memory, not the site). */
    private static final int BATCH = 64;

    /**
     * @param parsed sees each page of the bundle as it was built, parsed, before the bundle changes it: the page weigher
     *               reads its style sheets, scripts and images there instead of parsing every page once more
     */
    public byte[] zip(Collection<OutputFile> files, Scope scope, java.util.function.BiConsumer<String, Document> parsed) {
        List<OutputFile> kept = files.stream().filter(f -> kept(f.path(), scope)).toList();
        Set<String> paths = new TreeSet<>();
        kept.forEach(f -> paths.add(f.path()));
        if (scope.lang().isPresent()) paths.add("index.html");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String folder = scope.name() + "/";
        List<OutputFile> entries = new ArrayList<>(kept);
        if (scope.lang().isPresent()) {
            entries.removeIf(f -> f.path().equals("index.html"));
            entries.add(OutputFile.text("index.html", redirect(scope.lang().get())));
        }
        entries.sort(java.util.Comparator.comparing(OutputFile::path));
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            for (int from = 0; from < entries.size(); from += BATCH) {
                List<OutputFile> batch = entries.subList(from, Math.min(entries.size(), from + BATCH));
                List<Entry> contents = batch.parallelStream().map(f -> {
                    byte[] bytes = OutputFiles.bytes(f);
                    boolean page = f.path().endsWith(".html") && !f.path().equals("index.html") || f.path().equals("index.html") && scope.lang().isEmpty();
                    if (!page) return Entry.of(f.path(), bytes);
                    Document doc = Jsoup.parse(new String(bytes, StandardCharsets.UTF_8));
                    parsed.accept(f.path(), doc);
                    return Entry.of(f.path(), offline(doc, f.path(), paths).getBytes(StandardCharsets.UTF_8));
                }).toList();
                for (Entry e : contents) e.writeTo(zip, folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A file of a bundle as it goes into the zip: deflated (text) or as it is (images, PDFs, audio and video are
     * compressed already: deflating them again costs time and saves nothing), with its CRC and size. Made on the
     * threads that finish pages, so that a bundle's own thread only writes; and, for a page the build cache found
     * unchanged, read raw from the last bundle ({@link FinishedPages}), which holds the very bytes deflating would give.
     *
     * @param path   the file's path in the site; in the zip it is inside the bundle's folder
     * @param method {@link ZipEntry#DEFLATED} or {@link ZipEntry#STORED}
     * @param data   the bytes in the zip (deflated or not)
     */
    public record Entry(String path, int method, long crc, long size, byte[] data) {
        public static Entry of(String path, byte[] bytes) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            if (!Gzip.isText(path)) return new Entry(path, ZipEntry.STORED, crc.getValue(), bytes.length, bytes);
            return new Entry(path, ZipEntry.DEFLATED, crc.getValue(), bytes.length, Gzip.deflate(bytes, 0, 0));
        }

        void writeTo(ZipArchiveOutputStream zip, String folder) throws IOException {
            ZipArchiveEntry e = new ZipArchiveEntry(folder + path);
            e.setTime(ZIP_TIME);
            e.setMethod(method);
            e.setCrc(crc);
            e.setSize(size);
            e.setCompressedSize(data.length);
            zip.addRawArchiveEntry(e, new java.io.ByteArrayInputStream(data));
        }
    }

    boolean kept(String path, Scope scope) {
        if (path.endsWith(".gz") || LEFT_OUT.contains(path) || path.startsWith("downloads/") || path.startsWith("_editors/")
                || path.contains("/_editors/")) return false; // editors' pages are not for readers
        int slash = path.indexOf('/');
        String top = slash < 0 ? "" : path.substring(0, slash);
        LanguageSite l = site.languages().get(top);
        if (l == null) return true;
        if (scope.lang().isPresent() && !scope.lang().get().equals(top)) return false;
        if (scope.section().isEmpty()) return true;
        for (Section s : l.sections().values()) {
            if (!s.key().contains("/") && !s.key().equals(scope.section().get()) && path.startsWith(s.path())) return false;
        }
        for (TaxonomyConfig t : site.config().taxonomies().values()) {
            if (path.startsWith(top + "/" + t.slug(top) + "/")) return false;
        }
        return true;
    }

    String redirect(String lang) {
        String title = site.config().expectLanguage(lang).title();
        return "<!doctype html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>" + org.jsoup.nodes.Entities.escape(title)
                + "</title><meta http-equiv=\"refresh\" content=\"0; url=" + lang + "/index.html\"></head><body><p><a href=\"" + lang
                + "/index.html\">" + org.jsoup.nodes.Entities.escape(title) + "</a></p></body></html>";
    }

    /** A page as it is in the bundle: explicit index.html in links; links to what the bundle lacks go online or lose their address. */
    String offline(Document doc, String file, Set<String> present) {
        Element html = doc.selectFirst("html");
        String lang = html == null ? site.config().defaultLanguage() : html.attr("lang");
        List<Element> links = new ArrayList<>();
        List<Element> leftOut = new ArrayList<>();
        for (Element e : doc.getAllElements()) { // one walk instead of two selections
            if (e.hasAttr("data-offline-bundle") || e.nameIs("script") && e.hasAttr("data-offline-reading")) leftOut.add(e);
            else if (e.nameIs("form") ? e.hasAttr("action") : (e.nameIs("a") || e.nameIs("area") || e.nameIs("link")) && e.hasAttr("href")) links.add(e);
        }
        for (Element e : leftOut) e.remove();
        for (Element e : links) {
            if (!leftOut.isEmpty() && e.ownerDocument() != doc) continue; // inside what was left out
            String attr = e.nameIs("form") ? "action" : "href";
            String url = e.attr(attr);
            Optional<String> target = PageImages.localPath(file, url);
            if (target.isEmpty()) continue;
            String path = target.get();
            boolean folder = path.isEmpty() || path.endsWith("/");
            if (folder) path = path + "index.html";
            if (present.contains(path)) {
                if (folder) e.attr(attr, explicitIndex(url));
            } else if (e.nameIs("link")) {
                e.remove();
            } else if (site.config().base().isPresent()) {
                e.attr(attr, site.config().base().get() + target.get() + suffix(url));
            } else if (e.nameIs("a") || e.nameIs("area")) {
                e.removeAttr("href").attr("data-offline-missing", "").attr("title", strings.apply(lang, "offline_missing"));
            }
        }
        doc.outputSettings().prettyPrint(false).outline(false);
        return doc.outerHtml(); // the page was minified when it was built; taking elements out adds no white space
    }

    /**
     * The bundle copy of a published page made from its HTML as jsoup wrote it (every attribute value in double quotes,
     * no raw {@code <} outside scripts and style sheets), with the same changes as {@link #offline}, without parsing the
     * page and writing it out again. Empty when it leaves the page to {@link #offline}: the home pages (their offline
     * download box goes, content and all), or text not as jsoup writes it.
     */
    Optional<String> offlineFromText(String html, String file, Set<String> present) {
        StringBuilder out = new StringBuilder(html.length() + 256);
        // characters are read from an array: String.charAt checks its index on every call under the launcher's quick
        // compiler, and this looks at most characters of every page
        char[] h = html.toCharArray();
        String lang = site.config().defaultLanguage();
        int i = 0;
        int n = html.length();
        List<int[]> attrs = new ArrayList<>(); // per attribute: start, name end, value start (-1: none), value end, end
        boolean marked = html.contains("data-offline-bundle"); // the home page's box: every tag is looked at
        while (i < n) {
            int lt = html.indexOf('<', i);
            if (lt < 0) {
                out.append(html, i, n);
                break;
            }
            out.append(html, i, lt);
            if (html.startsWith("<!--", lt)) {
                int end = html.indexOf("-->", lt + 4);
                if (end < 0) return Optional.empty();
                out.append(html, lt, end + 3);
                i = end + 3;
                continue;
            }
            if (lt + 1 >= n || !Character.isLetter(h[lt + 1])) { // an end tag or the doctype
                int end = html.indexOf('>', lt);
                if (end < 0) return Optional.empty();
                out.append(html, lt, end + 1);
                i = end + 1;
                continue;
            }
            int p = lt + 1;
            while (p < n && !isSpace(h[p]) && h[p] != '>' && h[p] != '/') p++;
            String tag = html.substring(lt + 1, p);
            if (!marked && !LOOKED_AT.contains(tag)) { // most tags: copied as they are, attributes unread
                int end = endOfTag(html, h, p);
                if (end < 0) return Optional.empty();
                out.append(html, lt, end);
                i = end;
                continue;
            }
            attrs.clear();
            while (true) {
                while (p < n && isSpace(h[p])) p++;
                if (p >= n) return Optional.empty();
                char c = h[p];
                if (c == '>' || c == '/' && p + 1 < n && h[p + 1] == '>') break;
                int start = p;
                while (p < n && !isSpace(h[p]) && h[p] != '=' && h[p] != '>'
                        && !(h[p] == '/' && p + 1 < n && h[p + 1] == '>')) p++;
                int nameEnd = p;
                int valueStart = -1;
                int valueEnd = -1;
                if (p < n && h[p] == '=') {
                    if (p + 1 >= n || h[p + 1] != '"') return Optional.empty();
                    valueStart = p + 2;
                    valueEnd = html.indexOf('"', valueStart);
                    if (valueEnd < 0) return Optional.empty();
                    p = valueEnd + 1;
                }
                attrs.add(new int[] {start, nameEnd, valueStart, valueEnd, p});
            }
            int tagEnd = html.indexOf('>', p) + 1;
            String rawText = tag.equals("script") || tag.equals("style") ? "</" + tag + ">" : null;
            int close = rawText == null ? tagEnd : html.indexOf(rawText, tagEnd);
            if (close < 0) return Optional.empty();
            if (tag.equals("html")) {
                String l = attribute(html, attrs, "lang");
                if (l != null) lang = l;
            }
            if (attribute(html, attrs, "data-offline-bundle") != null) return Optional.empty();
            if (tag.equals("script") && attribute(html, attrs, "data-offline-reading") != null) {
                i = close + rawText.length(); // the offline reading script is left out, content and all
                continue;
            }
            String link = tag.equals("form") ? "action" : tag.equals("a") || tag.equals("area") || tag.equals("link") ? "href" : null;
            int at = link == null ? -1 : index(html, attrs, link);
            String replaced = null;
            int indexAt = -1; // where "index.html" goes into the tag, when that is the only change
            boolean leaveOut = false;
            if (at >= 0 && attrs.get(at)[2] >= 0) {
                int[] a = attrs.get(at);
                String raw = html.substring(a[2], a[3]);
                String url = raw.indexOf('&') < 0 ? raw : org.jsoup.parser.Parser.unescapeEntities(raw, true);
                Optional<String> target = PageImages.localPath(file, url);
                if (target.isPresent()) {
                    String path = target.get();
                    boolean folder = path.isEmpty() || path.endsWith("/");
                    if (folder) path = path + "index.html";
                    if (present.contains(path)) {
                        if (folder) {
                            // index.html goes before the query or fragment, straight into the value as written: the same
                            // bytes as writing the changed address again, without rebuilding and escaping the tag
                            int cut = a[3];
                            for (int q = a[2]; q < a[3]; q++) {
                                char ch = h[q];
                                if (ch == '?' || ch == '#') {
                                    cut = q;
                                    break;
                                }
                            }
                            int length = cut - a[2]; // "", "." and ".." become "./index.html", "../index.html"
                            boolean dots = length == 0 || length <= 2 && html.startsWith("..".substring(0, length), a[2]);
                            if (dots) replaced = tagWith(html, lt, tagEnd, attrs, at, attr(link, explicitIndex(url)), null);
                            else indexAt = cut;
                        }
                    } else if (tag.equals("link")) {
                        leaveOut = true;
                    } else if (site.config().base().isPresent()) {
                        replaced = tagWith(html, lt, tagEnd, attrs, at, attr(link, site.config().base().get() + target.get() + suffix(url)), null);
                    } else if (!tag.equals("form")) {
                        replaced = tagWith(html, lt, tagEnd, attrs, at, "", attr("title", strings.apply(lang, "offline_missing")));
                    }
                }
            }
            if (!leaveOut) {
                if (indexAt >= 0) out.append(html, lt, indexAt).append("index.html").append(html, indexAt, tagEnd);
                else if (replaced != null) out.append(replaced);
                else out.append(html, lt, tagEnd);
                out.append(html, tagEnd, close);
            }
            i = close;
        }
        return Optional.of(out.toString());
    }

    /** The tags whose attributes the offline copy may change, or which end differently (raw text). */
    private static final Set<String> LOOKED_AT = Set.of("a", "area", "link", "form", "script", "style", "html");

    /** Just past the {@code >} that ends a tag whose name ends at {@code from} ({@code >} may stand in a quoted value); -1 if none. */
    private static int endOfTag(String html, char[] h, int from) {
        for (int q = from; q < h.length; q++) {
            char c = h[q];
            if (c == '"') {
                q = html.indexOf('"', q + 1);
                if (q < 0) return -1;
            } else if (c == '>') {
                return q + 1;
            }
        }
        return -1;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static int index(String html, List<int[]> attrs, String name) {
        for (int k = 0; k < attrs.size(); k++) {
            int[] a = attrs.get(k);
            if (a[1] - a[0] == name.length() && html.startsWith(name, a[0])) return k;
        }
        return -1;
    }

    /** The raw value of an attribute of the tag ("" for one without a value), or null when the tag has none. */
    private static String attribute(String html, List<int[]> attrs, String name) {
        int k = index(html, attrs, name);
        if (k < 0) return null;
        int[] a = attrs.get(k);
        return a[2] < 0 ? "" : html.substring(a[2], a[3]);
    }

    /** {@code name="value"}, escaped as jsoup writes it. */
    private static String attr(String name, String value) {
        return new org.jsoup.nodes.Attribute(name, value).html();
    }

    /**
     * The tag with attribute {@code at} written as {@code replacement} (nothing when it is ""), and {@code title} (a whole
     * {@code title="..."}) in place of its title, or last when it has none: what jsoup writes after the same changes.
     */
    private static String tagWith(String html, int lt, int tagEnd, List<int[]> attrs, int at, String replacement, String title) {
        StringBuilder b = new StringBuilder(tagEnd - lt + 64);
        b.append(html, lt, attrs.get(0)[0] - 1);
        boolean titled = false;
        for (int k = 0; k < attrs.size(); k++) {
            int[] a = attrs.get(k);
            if (k == at) {
                if (!replacement.isEmpty()) b.append(' ').append(replacement);
                continue;
            }
            if (title != null && a[1] - a[0] == 5 && html.startsWith("title", a[0])) {
                b.append(' ').append(title);
                titled = true;
                continue;
            }
            b.append(' ').append(html, a[0], a[4]);
        }
        if (title != null) {
            b.append(" data-offline-missing=\"\"");
            if (!titled) b.append(' ').append(title);
        }
        int[] last = attrs.get(attrs.size() - 1);
        b.append(html, last[4], tagEnd);
        return b.toString();
    }

    /** {@code ../} becomes {@code ../index.html}; a query or fragment stays at the end. */
    static String explicitIndex(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', '#'}) if (url.indexOf(c) >= 0) cut = Math.min(cut, url.indexOf(c));
        String path = url.substring(0, cut);
        if (path.isEmpty() || path.equals(".") || path.equals("..")) path = path.isEmpty() ? "./" : path + "/";
        return path + "index.html" + url.substring(cut);
    }

    private static String suffix(String url) {
        int i = url.indexOf('#');
        return i < 0 ? "" : url.substring(i);
    }

    /**
     * A bundle written while the build publishes its pages: entries are added in the order given
     * (pages as they are finished, in the build's order, then the other files), and written on a
     * thread of their own, so that no bundle waits for the whole site to be in memory.
     */
    final class Writer implements AutoCloseable {
        private final Scope scope;
        private final Counted counted;
        private final ZipArchiveOutputStream zip;
        private final java.util.concurrent.ExecutorService deflater = java.util.concurrent.Executors.newSingleThreadExecutor(
                org.acervo.util.DaemonThreads.named("acervo-bundle"));
        private java.util.concurrent.Future<?> last = java.util.concurrent.CompletableFuture.completedFuture(null);

        /** @param out where the zip goes, closed when it is finished */
        Writer(Scope scope, java.io.OutputStream out) {
            this.scope = scope;
            this.counted = new Counted(out);
            this.zip = new ZipArchiveOutputStream(counted);
        }

        Scope scope() {
            return scope;
        }

        /**
         * Adds entries after those added before. Waits for the previous batch to be written first, so that at most one
         * batch waits in memory.
         */
        void add(List<Entry> entries) {
            if (entries.isEmpty()) return;
            await();
            String folder = scope.name() + "/";
            last = deflater.submit(() -> {
                for (Entry e : entries) {
                    try {
                        e.writeTo(zip, folder);
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                }
            });
        }

        private void await() {
            try {
                last.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the build was interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw new IllegalStateException(e.getCause());
            }
        }

        /** Finishes the zip; returns its size in bytes. */
        long finish() {
            await();
            try {
                zip.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                deflater.shutdown();
            }
            return counted.count;
        }

        /** Stops deflating; a bundle not finished (the build failed) is closed unfinished, for the staging folder to go. */
        @Override
        public void close() {
            deflater.shutdownNow();
            try {
                counted.close();
            } catch (IOException e) {
                // the staging folder it is in is deleted or swapped in either way
            }
        }
    }

    /** Counts the bytes that go through. */
    private static final class Counted extends java.io.FilterOutputStream {
        long count;

        Counted(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
