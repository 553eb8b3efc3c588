package org.acervo.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.acervo.check.SourceSurvey;
import org.acervo.check.TranslationReport;
import org.acervo.check.TranslationStatusPage;
import org.acervo.config.SiteConfig;
import org.acervo.config.SiteConfigLoader;
import org.acervo.content.ContentScanner;
import org.acervo.content.ContentTree;
import org.acervo.content.FrontMatterParser;
import org.acervo.content.ParsedSource;
import org.acervo.enrich.PageExtras;
import org.acervo.glossary.Glossary;
import org.acervo.glossary.GlossaryPairs;
import org.acervo.glossary.GlossaryLinker;
import org.acervo.glossary.TermAnalyzers;
import org.acervo.glossary.TermShortcodeValues;
import org.acervo.html.HtmlFinisher;
import org.acervo.light.LightPass;
import org.acervo.light.LightPass.Lightened;
import org.acervo.light.PublishPass;
import org.acervo.library.BundleFiles;
import org.acervo.library.DownloadLinker;
import org.acervo.library.Library;
import org.acervo.library.LibraryBuilder;
import org.acervo.library.NewsletterEmails;
import org.acervo.library.PublicProfiles;
import org.acervo.markdown.LinkTargets;
import org.acervo.markdown.MarkdownRenderer;
import org.acervo.model.LanguageSite;
import org.acervo.model.Page;
import org.acervo.model.Site;
import org.acervo.problem.BuildFailure;
import org.acervo.problem.BuildProblem;
import org.acervo.problem.Problems;
import org.acervo.problem.SourceLocation;
import org.acervo.render.FeedWriter;
import org.acervo.render.FileShortcodeValues;
import org.acervo.render.OutputPage;
import org.acervo.render.PagePlanner;
import org.acervo.render.SitemapWriter;
import org.acervo.render.SiteViews;
import org.acervo.render.TemplateRenderer;
import org.acervo.render.Theme;
import org.acervo.render.ThemeShortcodes;
import org.acervo.render.Views;
import org.acervo.search.SearchIndexer;
import org.acervo.util.Fingerprint;
import org.acervo.util.ValuePrint;

/**
 * Runs the build's phases in order: load, parse (private profiles left out), locate, render
 * Markdown, mark download links, assemble, read the knowledge library (events, downloads,
 * collections, directories), render templates (plus .ics files and newsletter e-mails),
 * finish, lighten (images, minify, bundles, budgets, gzip), write. Problems from every file are collected; the build stops before
 * writing if there are any, so the previous output stays as it was.
 */
public final class SiteBuilder {
    private final Progress progress;
    private final BuildSession session;
    private volatile PhaseTimes times = new PhaseTimes(); // of the build under way, or of the last one

    public SiteBuilder(Progress progress) {
        this(progress, BuildSession.none());
    }

    /** @param session what is kept between builds (caches of {@code acervo serve}), and whether pages live-reload */
    public SiteBuilder(Progress progress, BuildSession session) {
        this.progress = progress;
        this.session = session;
    }

    /** Everything a build produces before it is written: the site and its files. */
    public record Built(Site site, List<OutputFile> files, List<BuildProblem> warnings, int skipped, Lightened light) {}

    /** Wall time per phase of the last build. */
    public PhaseTimes times() {
        return times;
    }

    /**
     * Builds and writes the site; throws {@link org.acervo.problem.BuildFailure} listing every problem. Files go into a
     * staging folder as they are made, which is swapped in only when the whole build succeeded.
     */
    public BuildResult build(BuildOptions options) {
        long start = System.nanoTime();
        OutputWriter writer = new OutputWriter(options.output());
        writer.checkSafe(options.siteDir());
        writer.recoverInterruptedSwap();
        Optional<BuildCache> cache = session.stored();
        try (OutputWriter.Staging staging = writer.open()) {
            Built built = render(options, staging);
            cache.ifPresent(BuildCache::closeLast);
            int written = staging.commit();
            times.mark("write");
            List<String> notes = new ArrayList<>(built.light().summary());
            cache.ifPresent(c -> {
                notes.addAll(c.notes());
                try {
                    if (!c.save()) notes.add("site.yaml, a theme, a source or a file of static/ or of a page bundle changed during the build: "
                            + "the build cache was not updated, and the next build does again what this one did");
                } catch (IOException | RuntimeException e) {
                    notes.add("the build cache could not be written (" + e.getMessage() + "); the next build will do all the work again");
                }
                times.mark("build cache");
            });
            Map<String, Integer> perLang = new LinkedHashMap<>();
            for (LanguageSite l : built.site().languages().values()) perLang.put(l.lang(), l.pages().size());
            return new BuildResult(perLang, written, (System.nanoTime() - start) / 1e9, built.warnings(), built.skipped(), notes);
        } finally {
            cache.ifPresent(c -> {
                c.closeLast();
                c.abandon(); // nothing when saved
            });
        }
    }

    /**
     * All phases but the last: the site and the files it would write. The parallel phases run on a
     * pool of {@link BuildOptions#threads()} threads (parallel streams started inside a pool's task
     * use that pool), so a host can keep a build from taking every core.
     */
    public Built render(BuildOptions options) {
        OutputSink.InMemory files = new OutputSink.InMemory();
        Built built = render(options, files);
        return new Built(built.site(), files.files(), built.warnings(), built.skipped(), built.light());
    }

    private Built render(BuildOptions options, OutputSink sink) {
        times = new PhaseTimes();
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(options.threads());
        session.buildStarts();
        try {
            return pool.submit(() -> renderPhases(options, sink)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the build was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
            session.buildEnds();
        }
    }

    private Built renderPhases(BuildOptions options, OutputSink sink) {
        Path siteDir = options.siteDir();
        Problems problems = new Problems();
        session.stored().ifPresent(c -> c.begin(siteDir)); // before anything it depends on is read
        SiteConfig config = new SiteConfigLoader().load(siteDir);                         // load
        times.mark("start");
        Theme theme = Theme.load(siteDir, config, problems);
        ContentTree tree = new ContentScanner(config, problems).scan(siteDir);
        session.stored().ifPresent(c -> c.addResources(tree));
        times.mark("scan");
        TemplateRenderer templates = new TemplateRenderer(theme, config, problems);
        Sources sources = readSources(options, config, theme, tree, templates, problems);    // parse, locate, markdown
        PageIndex index = sources.index();
        List<Page> pages = sources.pages();
        LinkTargets links = new LinkTargets(index, problems);
        Glossary glossary = sources.glossary();
        GlossaryLinker linker = sources.linker();
        java.util.function.BiFunction<String, String, String> uiStrings = uiStrings(theme, config);
        BundleFiles bundleFiles = BundleFiles.of(tree, pages);
        DownloadLinker.Result linked = new DownloadLinker(bundleFiles, uiStrings).annotate(pages);   // download links get type and size
        Site site = new SiteAssembler(config, problems).assemble(linked.pages());         // assemble
        SiteViews.checkMenus(site, problems);
        Library library = new LibraryBuilder(site, links, bundleFiles, linked.bodyDownloads(), options.now(), problems).build(); // library
        problems.throwIfAny();
        times.mark("assemble + library");
        List<OutputPage> plan = oneEach(new PagePlanner(site).plan(), problems);             // plan
        Map<String, Long> htmlPages = SearchIndexer.htmlPages(plan);
        java.util.function.Supplier<List<OutputFile>> searchFiles = () -> session.searchIndex(
                () -> new SearchIndexer(site, glossary, htmlPages, session.bags(), session.results()).files());
        // a build works out the search index beside the related pages and feeds (after an edit, only the edited
        // language's index is made, on one core); the preview keeps its own way (see BuildSession.searchIndex)
        java.util.concurrent.ForkJoinTask<List<OutputFile>> searching = session.caching() ? null
                : java.util.concurrent.ForkJoinTask.adapt(searchFiles::get).fork();
        PageExtras extras;
        TemplateRenderer pageTemplates = templates.withGlobal("library", library);
        SiteViews views;
        List<OutputFile> others;
        List<OutputFile> pagesToo;
        try {
            extras = new PageExtras(site, glossary, session.related(site));                  // related, structured data
            times.mark(searching == null ? "related pages" : "related pages (search index beside them)");
            views = new SiteViews(site, theme, session.liveReload());
            others = new ArrayList<>(library.calendarFiles());                               // files other than pages
            others.addAll(new GlossaryPairs(glossary).files());
            others.addAll(new FeedWriter(site).feeds());
            others.addAll(new SitemapWriter(site).files());
            pagesToo = new ArrayList<>(new NewsletterEmails(site, pageTemplates, new HtmlFinisher(false)).files(views::site));
        } catch (RuntimeException | Error e) {
            if (searching != null) searching.cancel(false); // a failed build does not leave its index being made
            throw e;
        }
        times.mark("ics, e-mails, feeds");
        // a build publishes its pages while the search index is finished (on one core, after an edit); the pages ask
        // only whether a bundle holds the index's files, and wait for them only then (the search page's preload)
        org.acervo.light.PublishPass.Later searchIndex = org.acervo.light.PublishPass.Later.NONE;
        if (searching == null) {
            others.addAll(searchFiles.get());                                             // index
        } else {
            java.util.concurrent.atomic.AtomicBoolean analysed = new java.util.concurrent.atomic.AtomicBoolean();
            searchIndex = new org.acervo.light.PublishPass.Later(config.languageCodes().stream().map(SearchIndexer::folder).toList(), () -> {
                List<OutputFile> files = searching.join();
                // the related pages and the search index are made: the texts they analysed are written for the next build
                if (analysed.compareAndSet(false, true)) session.stored().ifPresent(BuildCache::analysisDone);
                return files;
            });
        }
        Lightened light;
        try {
            // the pages the build makes, which no copied file may stand in for (other files it makes, such as robots.txt,
            // a file of static/ replaces, as it always has)
            java.util.Set<String> made = new java.util.HashSet<>();
            plan.forEach(p -> made.add(p.file()));
            made.add("index.html");
            made.addAll(aliasFiles(site).keySet());
            pagesToo.forEach(f -> made.add(f.path()));
            others.addAll(resources(siteDir, site, tree, theme, made, problems));
            pagesToo.add(new TranslationStatusPage(config).file(TranslationReport.of(config, tree.without(sources.withheld()),
                    sources.meta(), session.dates(tree.contentDir()))));
            times.mark("resources, status");
            problems.throwIfAny();
            if (session.liveReload()) {
                others.addAll(searchIndex.files().get());
                light = preview(plan, site, views, theme, pageTemplates, extras, others, pagesToo, sink, library);
            } else {
                light = publish(plan, site, views, theme, pageTemplates, extras, others, searchIndex, pagesToo, sink, options.output(), library);
            }
        } catch (RuntimeException | Error e) {
            if (searching != null) searching.cancel(false); // a failed build does not leave its index being made
            throw e;
        }
        problems.throwIfAny();
        if (options.strict() && !light.overBudget().isEmpty()) throw new BuildFailure(light.overBudget());
        List<BuildProblem> warnings = new ArrayList<>(problems.warnings());
        warnings.addAll(light.overBudget());
        for (String missing : theme.missingStrings()) {
            String[] p = missing.split("\\|", 2);
            warnings.add(new BuildProblem(SourceLocation.of(theme.shown().resolve("i18n").resolve(p[0] + ".yaml")),
                    "missing UI string '" + p[1] + "'", "add " + p[1] + ": ... to the file"));
        }
        if (session.liveReload()) {
            lastGood = new Workbench(options, config, theme, tree, index, sources.folderSlugs(), pageTemplates, sources.terms(),
                    glossary.isEmpty() ? null : linker, new DownloadLinker(bundleFiles, uiStrings), site, extras, views);
        }
        return new Built(site, List.of(), warnings, tree.skippedOtherLanguages(), light);
    }

    /**
     * Markdown with the theme's shortcodes; {@code terms} are the glossary entries the term shortcode links to (read
     * before any page is rendered).
     */
    private static MarkdownRenderer markdownRenderer(SiteConfig config, Theme theme, TemplateRenderer templates, Glossary terms,
                                                     Problems problems) {
        return new MarkdownRenderer(config.html(), new ThemeShortcodes(theme, templates, Map.of(
                "term", new TermShortcodeValues(terms, problems),
                "download", new FileShortcodeValues("file", problems),
                "video", new FileShortcodeValues("src", problems))));
    }

    /** The preview's pages: finished, without the offline bundle box (the preview makes no bundles), not minified. */
    private static HtmlFinisher previewFinisher() {
        return new HtmlFinisher(false, doc -> {
            doc.select("[data-offline-bundle]").remove();
            return doc.outerHtml();
        });
    }

    /** What the preview keeps of its last good build, to show an edited page at once (see {@link #edited}). */
    private record Workbench(BuildOptions options, SiteConfig config, Theme theme, ContentTree tree, PageIndex index,
                             Map<String, String> folderSlugs, TemplateRenderer templates, Glossary terms, GlossaryLinker linker,
                             DownloadLinker downloads, Site site, PageExtras extras, SiteViews views) {}

    private volatile Workbench lastGood;

    /**
     * The preview's first answer to an edit: the edited pages alone, rendered against the last good build (its lists,
     * menus and related pages), so the editor sees the change at once, however large the site; the rebuild that follows
     * brings everything else up to date. Empty when the edit is more than a change to the text or front matter of
     * existing single pages (a new or deleted file, a section's _index, a glossary term, the theme, site.yaml, an edit
     * that moves the page or has problems): then only the rebuild answers.
     *
     * @param changed absolute paths of the files that changed
     * @param served  the files served now, for the images of the page
     */
    public Optional<List<OutputFile>> edited(java.util.Set<Path> changed, Map<String, OutputFile> served) {
        Workbench w = lastGood;
        if (w == null || changed.isEmpty()) return Optional.empty();
        Problems problems = new Problems();
        List<OutputFile> out = new ArrayList<>();
        HtmlFinisher finisher = previewFinisher();
        TemplateRenderer templates = w.templates().reportingTo(problems);
        MarkdownRenderer markdown = markdownRenderer(w.config(), w.theme(), templates, w.terms(), problems);
        org.acervo.render.PagePlanner planner = new org.acervo.render.PagePlanner(w.site());
        PageLocator locator = new PageLocator(w.config(), problems, w.options().drafts(), w.options().now());
        for (Path file : changed) {
            Optional<org.acervo.content.SourceFile> source = w.tree().sources().stream().filter(s -> s.absolute().equals(file)).findFirst();
            if (source.isEmpty() || !java.nio.file.Files.isRegularFile(file)) return Optional.empty();
            Optional<Page> before = w.index().pages().stream().filter(p -> p.source().equals(source.get())).findFirst();
            if (before.isEmpty() || before.get().kind() != org.acervo.model.PageKind.SINGLE || Glossary.isEntry(before.get())) {
                return Optional.empty();
            }
            Optional<ParsedSource> parsed = new FrontMatterParser(w.config(), problems).read(source.get());
            if (parsed.isEmpty() || problems.hasErrors() || !problems.warnings().isEmpty()) return Optional.empty();
            if (!new PublicProfiles().keep(List.of(parsed.get())).equals(List.of(parsed.get()))) return Optional.empty();
            Optional<Page> located = locator.relocate(parsed.get(), before.get(), w.folderSlugs());
            if (located.isEmpty() || !located.get().path().equals(before.get().path())) return Optional.empty();
            Page page = located.get().withContent(markdown.render(parsed.get(), located.get(), new LinkTargets(w.index(), problems), problems));
            if (w.linker() != null) page = w.linker().link(page);
            page = w.downloads().annotate(List.of(page)).pages().get(0);
            if (problems.hasErrors() || !problems.warnings().isEmpty()) return Optional.empty();
            OutputPage planned = planner.single(page);
            Optional<String> html = templates.render(planned, w.views().site(page.lang()), w.extras().of(planned, page));
            if (html.isEmpty() || problems.hasErrors()) return Optional.empty();
            OutputFile finished = OutputFile.text(planned.file(), finisher.finish(html.get(), planned.file()));
            out.addAll(new LightPass(w.site(), w.theme(), session.images()).previewPage(finished, served));
        }
        return Optional.of(out);
    }

    /**
     * The plan with one page per output file: a section and a taxonomy may end up at the same address (a section
     * "cities" shown in English from Spanish pages, and the taxonomy "cities"). The first in the plan (the section) is
     * kept, and the editors are told, since readers can reach only one of them.
     */
    private static List<OutputPage> oneEach(List<OutputPage> plan, Problems problems) {
        Map<String, OutputPage> byFile = new LinkedHashMap<>();
        for (OutputPage p : plan) {
            OutputPage first = byFile.putIfAbsent(p.file(), p);
            if (first == null) continue;
            String url = p.file().replaceAll("index\\.html$", "");
            problems.warn(p.where().or(first::where).orElse(SourceLocation.of(Path.of("site.yaml"))),
                    "the " + first.kind().hook() + " page and the " + p.kind().hook() + " page both have the address " + url
                            + "; only the " + first.kind().hook() + " page is published there",
                    "give one of them another address: a slug in the section's _index file, or another slug for the taxonomy in site.yaml");
        }
        return byFile.size() == plan.size() ? plan : List.copyOf(byFile.values());
    }

    /** Publishing: every page rendered, finished and written at once, one parse each (see {@link PublishPass}). */
    private Lightened publish(List<OutputPage> plan, Site site, SiteViews views, Theme theme, TemplateRenderer templates, PageExtras extras,
                              List<OutputFile> others, org.acervo.light.PublishPass.Later later, List<OutputFile> pagesToo, OutputSink sink,
                              Path output, Library library) {
        List<PublishPass.Job> jobs = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        // each page's HTML, which its view and others show, prints as the fingerprint made with it (not read again)
        java.util.IdentityHashMap<String, String> bodies = new java.util.IdentityHashMap<>();
        for (Page p : site.allPages()) bodies.put(p.content().html(), p.content().htmlKey());
        ValuePrint prints = new ValuePrint(java.util.Set.of(Views.Item.class, Views.SiteView.class, Views.TaxonomyView.class), bodies);
        // what every page's template is given besides its own data: the code and theme (in the signature), the library
        Optional<String> common = session.stored().flatMap(c -> prints.of(library.contents())
                .map(l -> new Fingerprint().add("templates").add(c.signature()).add(l).value()));
        for (OutputPage page : plan) {
            PageData data = new PageData(page, views.site(page.lang()), extras);
            jobs.add(new PublishPass.Job(page.file(), () -> common.flatMap(c -> prints.of(data.all()).map(p -> c + p)),
                    () -> templates.render(page, data.site(), data.extras()), () -> {
                        data.release();
                        progress.phase("Rendering pages", done.incrementAndGet(), plan.size()); // taken or rendered
                    }));
        }
        String defaultLang = site.config().defaultLanguage();
        jobs.add(new PublishPass.Job("index.html", () -> templates.render(views.languageChooser(), views.site(defaultLang))));
        aliasFiles(site).forEach((path, p) -> jobs.add(new PublishPass.Job(path, () -> Optional.of(views.redirect(p)))));
        for (OutputFile f : pagesToo) jobs.add(new PublishPass.Job(f.path(), () -> Optional.of(new String(f.bytes(), java.nio.charset.StandardCharsets.UTF_8))));
        Optional<org.acervo.light.FinishedPages> finished = session.stored().map(c -> {
            c.pages().begin(output, c.signature());
            return c.pages();
        });
        Lightened light = new PublishPass(site, theme, session.images(), sink, finished)
                .publish(jobs, others, later, () -> times.mark(later.folders().isEmpty() ? "templates + finish + write"
                        : "templates + finish + write (search index beside them)"));
        times.mark("bundles, weights");
        return light;
    }

    /**
     * What a page's template is given, made once for its print and for rendering it (by one thread: a job's print, then
     * maybe its rendering).
     */
    private static final class PageData {
        private final OutputPage page;
        private final Views.SiteView site;
        private final PageExtras extras;
        private Map<String, Object> made;

        PageData(OutputPage page, Views.SiteView site, PageExtras extras) {
            this.page = page;
            this.site = site;
            this.extras = extras;
        }

        Views.SiteView site() {
            return site;
        }

        Map<String, Object> extras() {
            if (made == null) made = extras.of(page);
            return made;
        }

        List<Object> all() {
            return List.of(page, site, extras());
        }

        /** The page is taken or made: its extras are not kept for the rest of the pass (tens of thousands of pages). */
        void release() {
            made = null;
        }
    }

    /** The preview: pages rendered (or reused) and finished, images made light; everything stays in memory. */
    private Lightened preview(List<OutputPage> plan, Site site, SiteViews views, Theme theme, TemplateRenderer templates, PageExtras extras,
                              List<OutputFile> others, List<OutputFile> pagesToo, OutputSink sink, Library library) {
        HtmlFinisher finisher = previewFinisher();
        ConcurrentLinkedQueue<OutputFile> out = new ConcurrentLinkedQueue<>();
        // templates ask the library for what other pages say (a community's people, a guided path's steps): a page is
        // the same only while the library is (without a print, nothing is the same)
        Object libraryNow = new ValuePrint().of(library.contents()).<Object>map(p -> p).orElseGet(Object::new);
        plan.parallelStream().forEach(page -> {
            Map<String, Object> pageExtras = extras.of(page);
            session.page(page, views.site(page.lang()), List.of(pageExtras, libraryNow), () -> templates.render(page, views.site(page.lang()), pageExtras)
                            .map(html -> finisher.finish(html, page.file())))
                    .ifPresent(out::add);
        });
        String defaultLang = site.config().defaultLanguage();
        templates.render(views.languageChooser(), views.site(defaultLang))
                .ifPresent(html -> out.add(OutputFile.text("index.html", finisher.finish(html, "index.html"))));
        aliasFiles(site).forEach((path, p) -> out.add(OutputFile.text(path, finisher.finish(views.redirect(p), path))));
        java.util.Set<String> finished = new java.util.HashSet<>();
        out.forEach(f -> finished.add(f.path()));
        times.mark("templates + finish");
        List<OutputFile> files = new ArrayList<>(out);
        files.addAll(others);
        files.addAll(pagesToo);
        Lightened light = new LightPass(site, theme, session.images()).preview(files, finished::contains);
        light.files().forEach(sink::put);
        times.mark("lighten");
        return light;
    }

    /**
     * What the build keeps of its sources once their Markdown is rendered: the pages, where they are, what the front
     * matter said; not the Markdown itself, which would double what a large site holds in memory.
     *
     * @param withheld    sources left out before anything else (profiles without {@code public: true})
     * @param folderSlugs the slugs folders get from their {@code _index} files
     */
    private record Sources(PageIndex index, List<Page> pages, java.util.Set<String> withheld,
                           Map<String, org.acervo.content.FrontMatter> meta, Map<String, String> folderSlugs, Glossary terms,
                           Glossary glossary, GlossaryLinker linker) {}

    private static java.util.function.BiFunction<String, String, String> uiStrings(Theme theme, SiteConfig config) {
        return (lang, key) -> theme.string(lang, key, config.defaultLanguage());
    }

    private Sources readSources(BuildOptions options, SiteConfig config, Theme theme, ContentTree tree, TemplateRenderer templates,
                                Problems problems) {
        PerFileWork perFile = new PerFileWork(options.threads(), config.limits().fileTimeoutMillis());
        List<ParsedSource> read = parse(tree, config, problems, perFile);                  // parse
        times.mark("parse");
        List<ParsedSource> parsed = new PublicProfiles().keep(read);                     // private profiles never go further
        java.util.Set<ParsedSource> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        kept.addAll(parsed);
        java.util.Set<String> withheld = new java.util.HashSet<>();
        read.stream().filter(p -> !kept.contains(p)).forEach(p -> withheld.add(p.source().relative()));
        PageIndex index = new PageLocator(config, problems, options.drafts(), options.now()).locate(tree, parsed);
        times.mark("locate");
        Glossary terms = Glossary.of(index.pages(), config.languageCodes());
        Glossary.checkForms(index.pages(), problems);
        MarkdownRenderer markdown = markdownRenderer(config, theme, templates, terms, problems);
        // the glossary's own pages first: their definitions are what every other page links to, while it is rendered
        long limit = config.limits().fileTimeoutMillis();
        // term shortcodes link to the entries as they are before rendering
        String termsSignature = session.keyed() ? org.acervo.util.Fingerprint.of(terms.signature()) : "";
        List<Page> entries = renderMarkdown(index, index.pages().stream().filter(Glossary::isEntry).toList(), termsSignature, markdown,
                problems, perFile, limit);
        Glossary glossary = Glossary.of(entries, config.languageCodes());
        GlossaryLinker linker = new GlossaryLinker(glossary, new TermAnalyzers(), uiStrings(theme, config));
        String glossarySignature = session.keyed() ? glossary.signature() : "";
        List<Page> others = renderMarkdown(index, index.pages().stream().filter(p -> !Glossary.isEntry(p)).toList(),
                termsSignature + "|" + org.acervo.util.Fingerprint.of(glossarySignature),
                glossary.isEmpty() ? markdown : markdown.withBodyStep(linker::linkIn), problems, perFile, limit);
        // the entries link to other terms too, once there is a glossary to link to
        if (!glossary.isEmpty()) entries = entries.parallelStream().map(p -> session.linked(p, glossarySignature, linker::link)).toList();
        // in the index's order, as before: entries and other pages were rendered apart
        List<Page> pages = new ArrayList<>(index.pages().size());
        Map<String, Page> byKey = new java.util.HashMap<>();
        entries.forEach(p -> byKey.put(p.lang() + "|" + p.source().relative(), p));
        others.forEach(p -> byKey.put(p.lang() + "|" + p.source().relative(), p));
        for (Page p : index.pages()) {
            Page r = byKey.get(p.lang() + "|" + p.source().relative());
            if (r != null) pages.add(r);
        }
        times.mark("markdown and glossary links");
        if (!session.caching()) session.stored().ifPresent(BuildCache::markdownDone); // the preview keeps none on disk
        return new Sources(index.withoutSources(), pages, withheld, SourceSurvey.of(tree, parsed).meta(), PageLocator.folderSlugs(parsed),
                terms, glossary, linker);
    }

    private List<ParsedSource> parse(ContentTree tree, SiteConfig config, Problems problems, PerFileWork perFile) {
        FrontMatterParser parser = new FrontMatterParser(config, problems);
        AtomicInteger done = new AtomicInteger();
        int total = tree.sources().size();
        return perFile.map(tree.sources(), s -> {
            Optional<ParsedSource> p = session.parse(s, parser, config.limits().maxFileBytes(), problems);
            progress.phase("Reading", done.incrementAndGet(), total);
            return p.orElse(null);
        }, s -> tooSlow(problems, s.shown(), "reading", config.limits().fileTimeoutMillis())).stream().flatMap(Optional::stream).toList();
    }

    private static void tooSlow(Problems problems, Path file, String what, long limitMillis) {
        String limit = limitMillis % 1000 == 0 ? limitMillis / 1000 + "s" : limitMillis + "ms";
        problems.error(SourceLocation.at(file, 1), what + " this file took longer than the limit of " + limit,
                "split the file into smaller pages, or raise limits: fileTimeout in site.yaml");
    }

    /** @param glossarySignature what the glossary links of these pages depend on, while previewing ("" otherwise) */
    private List<Page> renderMarkdown(PageIndex index, List<Page> todo, String glossarySignature, MarkdownRenderer markdown,
                                      Problems problems, PerFileWork perFile, long limit) {
        String linkSignature = session.keyed() ? linkSignature(index) + "|" + glossarySignature : "";
        AtomicInteger done = new AtomicInteger();
        int total = todo.size();
        return perFile.map(todo, p -> {
            ParsedSource src = index.sources().get(p);
            Page rendered;
            try {
                rendered = p.withContent(session.markdown(p, src, linkSignature, glossarySignature, own -> new LinkTargets(index, own),
                        (own, links) -> markdown.render(src, p, links, own), problems));
            } catch (StackOverflowError e) {
                problems.error(SourceLocation.at(p.source().shown(), 1), "the text is nested too deeply to render",
                        "reduce the nesting of lists and quotes");
                rendered = p;
            } catch (ParsedSource.ChangedWhileRead e) {
                problems.error(SourceLocation.at(p.source().shown(), 1), "this file was saved or removed while the build read it",
                        "run the build again");
                rendered = p;
            }
            progress.phase("Rendering Markdown", done.incrementAndGet(), total);
            return rendered;
        }, p -> tooSlow(problems, p.source().shown(), "rendering", limit)).stream().flatMap(Optional::stream).toList();
    }

    /** What links resolve against: every page's content path, language and site path, drafts, and content files. */
    private static String linkSignature(PageIndex index) {
        StringBuilder b = new StringBuilder();
        index.byTranslationPath().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            b.append(e.getKey());
            e.getValue().forEach((lang, page) -> b.append('|').append(lang).append('=').append(page.path()));
            b.append('\n');
        });
        index.unpublished().stream().sorted().forEach(u -> b.append("U ").append(u).append('\n'));
        index.tree().resources().forEach(r -> b.append("R ").append(r).append('\n'));
        return new Fingerprint().add(b.toString()).value();
    }

    /** The redirect page of every alias ({@code aliases:} in front matter), in the site's order, and the page it leads to. */
    private static Map<String, Page> aliasFiles(Site site) {
        Map<String, Page> out = new LinkedHashMap<>();
        for (Page p : site.allPages()) {
            for (String alias : p.meta().aliases()) out.put(SiteAssembler.aliasPath(p.lang(), alias) + "index.html", p);
        }
        return out;
    }

    /** A file to copy that has the address of a page the build makes. */
    private static void clash(Problems problems, Path shown, String path) {
        problems.error(SourceLocation.of(shown), "this file would be published at " + path + ", where the build writes one of its pages",
                "rename or move the file; to change that page, edit its content or the theme's template");
    }

    /** Theme assets (fingerprinted), the site's static/ folder, and the files of page bundles. */
    private List<OutputFile> resources(Path siteDir, Site site, ContentTree tree, Theme theme, java.util.Set<String> made,
                                       Problems problems) {
        List<OutputFile> out = new ArrayList<>();
        theme.assets().forEach((rel, published) -> out.add(OutputFile.copy(published, theme.dir().resolve("static").resolve(rel))));
        Path staticDir = siteDir.resolve("static");
        if (Files.isDirectory(staticDir)) {
            try (Stream<Path> files = Files.walk(staticDir)) {
                Path realStatic = staticDir.toRealPath();
                files.filter(Files::isRegularFile).forEach(f -> {
                    Path shown = Path.of("static").resolve(staticDir.relativize(f));
                    try {
                        // a link out of static/ would publish whatever it points to (a key, a password file)
                        if (!f.toRealPath().startsWith(realStatic)) {
                            problems.error(SourceLocation.of(shown), "this link points outside the static folder, to " + f.toRealPath(),
                                    "copy the file into static/ instead of linking to it");
                            return;
                        }
                    } catch (IOException e) {
                        problems.error(SourceLocation.of(shown), "cannot read: " + e.getMessage(), "check the file's permissions");
                        return;
                    }
                    String path = staticDir.relativize(f).toString().replace('\\', '/');
                    if (made.contains(path)) {
                        clash(problems, shown, path);
                        return;
                    }
                    out.add(OutputFile.copy(path, f));
                });
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        for (Page p : site.allPages()) {
            if (p.bundleDir().isEmpty()) continue;
            String dir = p.bundleDir().get();
            for (String r : tree.resources()) {
                if (r.startsWith(dir + "/") && tree.bundleOf(r).map(dir::equals).orElse(false)) {
                    String path = p.path() + r.substring(dir.length() + 1);
                    if (made.contains(path)) clash(problems, Path.of("content").resolve(r), path);
                    else out.add(OutputFile.copy(path, tree.contentDir().resolve(r)));
                }
            }
        }
        return out;
    }

}
