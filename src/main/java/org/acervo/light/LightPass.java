package org.acervo.light;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.acervo.build.OutputFile;
import org.acervo.config.Budgets;
import org.acervo.config.SiteConfig;
import org.acervo.model.Page;
import org.acervo.model.Site;
import org.acervo.problem.BuildProblem;
import org.acervo.problem.SourceLocation;
import org.acervo.render.Theme;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The last phase before writing: images, minifying, the service worker, the offline bundles,
 * page weights against the budgets, the weight report, and a {@code .gz} beside every text file.
 */
public final class LightPass {
    /** Where the build puts the bundle of each language, offered on its home page. */
    public static String bundlePath(String lang) {
        return "downloads/" + new OfflineBundle.Scope(Optional.of(lang), Optional.empty()).name() + ".zip";
    }

    /**
     * The files to write, the weight of every page, pages over budget (as warnings), a summary for the build output, and
     * the bundler that made the bundles (for {@code acervo bundle}).
     */
    public record Lightened(List<OutputFile> files, List<PageWeight> weights, List<BuildProblem> overBudget, List<String> summary,
                            OfflineBundle bundler) {}

    private final Site site;
    private final SiteConfig config;
    private final Theme theme;
    private final Minifier minifier = new Minifier();

    private final ImageCache imageCache;

    public LightPass(Site site, Theme theme) {
        this(site, theme, new ImageCache());
    }

    /** @param images resized images kept from earlier builds (the preview's); a new cache for a one-off build */
    public LightPass(Site site, Theme theme, ImageCache images) {
        this.imageCache = images;
        this.site = site;
        this.config = site.config();
        this.theme = theme;
    }

    private static final byte[] IMG = "<img".getBytes(StandardCharsets.US_ASCII);

    /** Whether {@code bytes} hold {@code part} (ASCII), without decoding them into a string. */
    static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int k = 0; k < part.length; k++) if (bytes[i + k] != part[k]) continue outer;
            return true;
        }
        return false;
    }

    /** UI strings of the theme, for the texts this phase writes into pages. */
    private BiFunction<String, String, String> strings() {
        return (lang, key) -> theme.string(config.language(lang).isPresent() ? lang : config.defaultLanguage(), key, config.defaultLanguage());
    }

    /** What to do: everything for the published site; for the live preview only images, so that editing stays fast. */
    public enum Mode { PUBLISH, PREVIEW }

    /**
     * @param finished pages that were minified (publishing) or prepared for the preview as they were rendered: unless
     *                 they have images or get the offline reading script, they are not parsed again
     */
    public Lightened lighten(List<OutputFile> rendered, java.util.function.Predicate<String> finished, Mode mode) {
        OutputFiles files = new OutputFiles(rendered);
        Budgets budgets = config.budgets();
        PageImages images = new PageImages(new ImageVariants(files, imageCache), budgets.withImages(), strings());
        Optional<OfflineReading> offline = config.offline() && mode == Mode.PUBLISH ? Optional.of(new OfflineReading()) : Optional.empty();
        List<String> pages = files.paths().stream().filter(p -> p.endsWith(".html")).toList();
        List<String> readerPages = pages.stream().filter(p -> !p.contains("_editors/")).toList(); // what readers open
        pages.parallelStream().forEach(p -> {
            if (offline.isEmpty() && finished.test(p) && !imageCache.hasImages(files.find(p).orElseThrow(), f -> contains(OutputFiles.bytes(f), IMG))) {
                return; // no need to decode it
            }
            Document doc = Jsoup.parse(files.text(p));
            images.rewrite(doc, p);
            offline.ifPresent(o -> o.inject(doc, p));
            if (mode == Mode.PREVIEW) doc.select("[data-offline-bundle]").remove(); // the preview makes no bundles
            doc.outputSettings().prettyPrint(false);
            files.put(OutputFile.text(p, mode == Mode.PUBLISH ? minifier.html(doc) : doc.outerHtml()));
        });
        OfflineBundle bundler = new OfflineBundle(site, strings());
        if (mode == Mode.PREVIEW) return new Lightened(files.all(), List.of(), List.of(), List.of(), bundler);
        for (String p : files.paths()) {
            String ext = Gzip.extension(p);
            if (ext.equals("css")) files.put(OutputFile.text(p, minifier.css(files.text(p))));
            else if (ext.equals("js") || ext.equals("mjs")) files.put(OutputFile.text(p, minifier.js(files.text(p))));
        }
        offline.ifPresent(o -> o.files(precache(files), version(files)).forEach(files::put));
        Map<String, PageWeigher.Loads> loads = new java.util.concurrent.ConcurrentHashMap<>();
        bundles(files, bundler, loads);
        List<PageWeight> weights = readerPages.parallelStream().map(new PageWeigher(files, loads::get)::weigh).toList();
        WeightReport report = new WeightReport(weights, budgets, config.defaultLanguage());
        files.put(OutputFile.text(report.path(), report.html(theme.asset("style.css").orElse(null))));
        List<OutputFile> out = new ArrayList<>(files.all());
        out.addAll(files.paths().parallelStream().filter(Gzip::isText)
                .map(p -> new OutputFile(p + ".gz", files.gzip(p), null)).toList());
        return new Lightened(out, weights, overBudget(weights, report), report.summary(), bundler);
    }

    /** One bundle per language, linked from its home page with its size ({@code [data-offline-bundle]}, {@code [data-bundle-size]}). */
    private void bundles(OutputFiles files, OfflineBundle bundler, Map<String, PageWeigher.Loads> loads) {
        List<OutputFile> all = files.all();
        Map<String, Long> sizes = new HashMap<>();
        config.languageCodes().parallelStream().map(lang -> {
            byte[] zip = bundler.zip(all, new OfflineBundle.Scope(Optional.of(lang), Optional.empty()),
                    (page, doc) -> loads.put(page, PageWeigher.Loads.of(doc)));
            return new OutputFile(bundlePath(lang), zip, null);
        }).toList().forEach(f -> {
            files.put(f);
            sizes.put(f.path(), (long) f.bytes().length);
        });
        for (String lang : config.languageCodes()) {
            String home = lang + "/index.html";
            if (!files.contains(home)) continue;
            Document doc = Jsoup.parse(files.text(home));
            for (Element size : doc.select("[data-bundle-size]")) {
                size.text("(" + ByteSize.format(sizes.getOrDefault(bundlePath(lang), 0L), lang) + ")");
            }
            files.put(OutputFile.text(home, minifier.html(doc)));
        }
    }

    /**
     * The entry file of each language's search index ({@code es/search/index.js}) is fetched when the worker is
     * installed; the shards it loads are kept as searches fetch them, so that a reader who never searches pays nothing.
     */
    private static List<String> precache(OutputFiles files) {
        return files.paths().stream().filter(p -> p.matches("[^/]+/search/index\\.(js|json)")).toList();
    }

    /** Changes whenever a page or asset changes, so that an updated worker replaces old copies. */
    private static String version(OutputFiles files) {
        java.security.MessageDigest md;
        try {
            md = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String p : files.paths()) {
            md.update(p.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(Long.toString(files.size(p)).getBytes(StandardCharsets.UTF_8));
        }
        return java.util.HexFormat.of().formatHex(md.digest()).substring(0, 12);
    }

    private List<BuildProblem> overBudget(List<PageWeight> weights, WeightReport report) {
        Map<String, Path> sources = new HashMap<>();
        for (Page p : site.allPages()) sources.put(p.outputFile(), p.source().shown());
        List<BuildProblem> out = new ArrayList<>();
        Budgets b = config.budgets();
        for (PageWeight w : weights.stream().sorted(java.util.Comparator.comparing(PageWeight::page)).toList()) {
            SourceLocation where = SourceLocation.of(sources.getOrDefault(w.page(), Path.of(w.page())));
            String url = w.page().replaceAll("index\\.html$", "");
            if (w.textWire() > b.textPage()) {
                out.add(new BuildProblem(where, "page " + url + " weighs " + WeightReport.kb(w.textWire()) + " of HTML and CSS (gzip), over the budget of "
                        + WeightReport.kb(b.textPage()), "shorten the page or split it in two; see " + report.path()));
            }
            if (w.totalWire() > b.withImages()) {
                out.add(new BuildProblem(where, "page " + url + " weighs " + WeightReport.kb(w.totalWire()) + " in all (gzip), over the budget of "
                        + WeightReport.kb(b.withImages()) + "; heaviest: " + WeightReport.why(w), "use fewer or smaller images; see " + report.path()));
            }
        }
        return out;
    }
}
