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
 * The preview's last phase: images made light on the pages that show them. Publishing does far
 * more (see {@link PublishPass}); both share what this class holds: where bundles go, the record
 * of what the phase made, and the budget warnings.
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
        return strings(site, theme);
    }

    static BiFunction<String, String, String> strings(Site site, Theme theme) {
        SiteConfig config = site.config();
        return (lang, key) -> theme.string(config.language(lang).isPresent() ? lang : config.defaultLanguage(), key, config.defaultLanguage());
    }

    /**
     * The preview's light pass: images only (editing stays fast; {@link PublishPass} does the rest when publishing).
     *
     * @param finished pages prepared for the preview as they were rendered: unless they have images, they are not parsed
     *                 again
     */
    public Lightened preview(List<OutputFile> rendered, java.util.function.Predicate<String> finished) {
        OutputFiles files = new OutputFiles(rendered);
        PageImages images = new PageImages(new ImageVariants(files, imageCache), config.budgets().withImages(), strings());
        List<String> pages = files.paths().stream().filter(p -> p.endsWith(".html")).toList();
        pages.parallelStream().forEach(p -> {
            if (finished.test(p) && !imageCache.hasImages(files.find(p).orElseThrow(), f -> contains(OutputFiles.bytes(f), IMG))) {
                return; // no need to decode it
            }
            Document doc = Jsoup.parse(files.text(p));
            images.rewrite(doc, p);
            doc.select("[data-offline-bundle]").remove(); // the preview makes no bundles
            doc.outputSettings().prettyPrint(false);
            files.put(OutputFile.text(p, doc.outerHtml()));
        });
        return new Lightened(files.all(), List.of(), List.of(), List.of(), new OfflineBundle(site, strings()));
    }

    /**
     * One page made light for the preview, among the files of a site already served (its images and their copies):
     * the page and any image copies made for it.
     */
    public List<OutputFile> previewPage(OutputFile page, Map<String, OutputFile> served) {
        if (!contains(OutputFiles.bytes(page), IMG)) return List.of(page);
        OutputFiles files = new OutputFiles(List.of(page), served);
        PageImages images = new PageImages(new ImageVariants(files, imageCache), config.budgets().withImages(), strings());
        Document doc = Jsoup.parse(files.text(page.path()));
        images.rewrite(doc, page.path());
        doc.outputSettings().prettyPrint(false);
        files.put(OutputFile.text(page.path(), doc.outerHtml()));
        return files.all();
    }

    /** Pages over the budgets, as warnings (or errors with --strict) at their source files. */
    static List<BuildProblem> overBudget(Site site, List<PageWeight> weights, WeightReport report) {
        SiteConfig config = site.config();
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
