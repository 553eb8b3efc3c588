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
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (int from = 0; from < entries.size(); from += BATCH) {
                List<OutputFile> batch = entries.subList(from, Math.min(entries.size(), from + BATCH));
                List<byte[]> contents = batch.parallelStream().map(f -> {
                    byte[] bytes = OutputFiles.bytes(f);
                    boolean page = f.path().endsWith(".html") && !f.path().equals("index.html") || f.path().equals("index.html") && scope.lang().isEmpty();
                    if (!page) return bytes;
                    Document doc = Jsoup.parse(new String(bytes, StandardCharsets.UTF_8));
                    parsed.accept(f.path(), doc);
                    return offline(doc, f.path(), paths).getBytes(StandardCharsets.UTF_8);
                }).toList();
                for (int i = 0; i < batch.size(); i++) entry(zip, folder + batch.get(i).path(), contents.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(ZIP_TIME);
        if (!Gzip.isText(name)) {
            // images, PDFs, audio and video are compressed already: deflating them again costs time and saves nothing
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(bytes);
            e.setMethod(ZipEntry.STORED);
            e.setSize(bytes.length);
            e.setCompressedSize(bytes.length);
            e.setCrc(crc.getValue());
        }
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
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
        String lang = doc.selectFirst("html") == null ? site.config().defaultLanguage() : doc.selectFirst("html").attr("lang");
        doc.select("[data-offline-bundle], script[data-offline-reading]").remove();
        for (Element e : doc.select("a[href], area[href], link[href], form[action]")) {
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
     * (pages as they are finished, in the build's order, then the other files), and deflated on a
     * thread of their own, so that no bundle waits for the whole site to be in memory.
     */
    final class Writer implements AutoCloseable {
        private final Scope scope;
        private final Counted counted;
        private final ZipOutputStream zip;
        private final java.util.concurrent.ExecutorService deflater = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "acervo-bundle");
            t.setDaemon(true);
            return t;
        });
        private java.util.concurrent.Future<?> last = java.util.concurrent.CompletableFuture.completedFuture(null);

        /** @param out where the zip goes, closed when it is finished */
        Writer(Scope scope, java.io.OutputStream out) {
            this.scope = scope;
            this.counted = new Counted(out);
            this.zip = new ZipOutputStream(counted, StandardCharsets.UTF_8);
            zip.setLevel(Deflater.BEST_COMPRESSION);
        }

        Scope scope() {
            return scope;
        }

        /**
         * Adds entries (paths inside the site, and their bytes in the bundle) after those added before. Waits for the
         * previous batch to be deflated first, so that at most one batch waits in memory.
         */
        void add(List<java.util.Map.Entry<String, byte[]>> entries) {
            if (entries.isEmpty()) return;
            await();
            String folder = scope.name() + "/";
            last = deflater.submit(() -> {
                for (java.util.Map.Entry<String, byte[]> e : entries) {
                    try {
                        entry(zip, folder + e.getKey(), e.getValue());
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
