package org.acervo.render;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.acervo.config.SiteConfig;
import org.acervo.problem.Problems;
import org.acervo.problem.SourceLocation;
import org.acervo.problem.Suggestions;

/**
 * Renders pages with the theme's Pebble layouts. Layouts are looked up by page kind, first in
 * the folder of the page's type (its section, or front matter {@code type}), then in
 * {@code _default}; so any section renders even without layouts of its own. Templates get
 * {@code t("key")} for UI strings and {@code asset("style.css")} for fingerprinted files.
 */
public final class TemplateRenderer {
    private final PebbleEngine engine;
    private final Theme theme;
    private final SiteConfig config;
    private final Problems problems;
    private final Map<String, Object> globals;

    public TemplateRenderer(Theme theme, SiteConfig config, Problems problems) {
        this.theme = theme;
        this.config = config;
        this.problems = problems;
        this.globals = Map.of();
        FileLoader loader = new FileLoader();
        loader.setPrefix(theme.dir().toString());
        loader.setCharset("UTF-8");
        this.engine = new PebbleEngine.Builder().loader(loader).extension(new AcervoExtension(), new FileSizeExtension()).strictVariables(false)
                .newLineTrimming(true).autoEscaping(true).cacheActive(true).build();
    }

    private TemplateRenderer(TemplateRenderer base, Map<String, Object> globals, Problems problems) {
        this.theme = base.theme;
        this.config = base.config;
        this.problems = problems;
        this.engine = base.engine;
        this.globals = Map.copyOf(globals);
    }

    /** The same renderer (and its compiled templates) reporting to other problems. */
    public TemplateRenderer reportingTo(Problems other) {
        return new TemplateRenderer(this, globals, other);
    }

    /**
     * The same renderer with one more variable in every template, for data that exists only
     * once the site is assembled (the knowledge library's {@code library}).
     */
    public TemplateRenderer withGlobal(String name, Object value) {
        Map<String, Object> g = new HashMap<>(globals);
        g.put(name, value);
        return new TemplateRenderer(this, g, problems);
    }

    /** True when the theme has {@code layouts/<name>.html}, e.g. {@code newsletter/email}. */
    public boolean hasLayout(String name) {
        return theme.layouts().contains(name);
    }

    /** The layout for a page: {@code layouts/<type>/<name>.html}, else {@code layouts/_default/<name>.html}. */
    public Optional<String> findLayout(String type, Optional<String> layout, String kind) {
        List<String> tries = new ArrayList<>();
        layout.ifPresent(l -> {
            tries.add(type + "/" + l);
            tries.add("_default/" + l);
        });
        tries.add(type + "/" + kind);
        tries.add("_default/" + kind);
        return tries.stream().filter(theme.layouts()::contains).findFirst();
    }

    /** Renders one page; a template error is reported at the template's line. */
    public Optional<String> render(OutputPage page, Views.SiteView site) {
        return render(page, site, Map.of());
    }

    /** Renders one page with extra template variables (related pages, structured data, the glossary...). */
    public Optional<String> render(OutputPage page, Views.SiteView site, Map<String, Object> extra) {
        String kindName = page.kind().hook().equals("404") ? "404" : page.kind().hook();
        if (page.layout().isPresent() && findLayout(page.type(), page.layout(), "\0").isEmpty()) {
            String wanted = page.layout().get();
            List<String> names = theme.layouts().stream().map(n -> n.substring(n.indexOf('/') + 1)).distinct().sorted().toList();
            problems.error(page.where().orElse(SourceLocation.of(theme.shown())), "unknown layout '" + wanted + "'",
                    Suggestions.nearest(wanted, names).map(s -> "did you mean '" + s + "'? ").orElse("")
                            + "layouts in " + theme.shown() + "/layouts: " + String.join(", ", names));
            return Optional.empty();
        }
        Optional<String> layout = findLayout(page.type(), page.layout(), kindName);
        if (layout.isEmpty()) {
            problems.error(SourceLocation.of(theme.shown().resolve("layouts/_default/" + kindName + ".html")),
                    "the theme has no layout for " + kindName + " pages", "add layouts/_default/" + kindName + ".html to the theme");
            return Optional.empty();
        }
        Map<String, Object> context = new HashMap<>(globals);
        context.put("site", site);
        context.put("page", page.page());
        context.put("items", page.items());
        context.put("pager", page.pager());
        context.put("taxonomy", page.taxonomy());
        context.put("alternates", page.alternates());
        context.put("kind", page.kind().hook());
        context.put("lang", page.lang());
        extra.forEach(context::putIfAbsent);
        return evaluate("layouts/" + layout.get() + ".html", context, page.lang(), page.where());
    }

    /** Renders a template by name with a context; used for pages and shortcodes. */
    public Optional<String> evaluate(String name, Map<String, Object> context, String lang, Optional<SourceLocation> blame) {
        try {
            PebbleTemplate template = engine.getTemplate(name);
            StringWriter w = new StringWriter();
            Map<String, Object> all = context;
            if (!globals.isEmpty()) {
                all = new HashMap<>(globals);
                all.putAll(context);
            }
            template.evaluate(w, all, Locale.forLanguageTag(lang));
            return Optional.of(w.toString());
        } catch (PebbleException e) {
            String file = e.getFileName() == null ? name : e.getFileName();
            Path where = theme.shown().resolve(file.startsWith(theme.dir().toString()) ? theme.dir().relativize(Path.of(file)).toString() : file);
            int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
            problems.error(new SourceLocation(where, line, 1), "template error: " + e.getPebbleMessage()
                            + blame.map(b -> " (while rendering " + b.file().toString().replace('\\', '/') + ")").orElse(""),
                    "fix the template at that line; see the Pebble documentation for its syntax");
        } catch (java.io.IOException | RuntimeException e) {
            problems.error(SourceLocation.of(theme.shown().resolve(name)), "template failed: " + e,
                    "check the values the template uses" + blame.map(b -> " (while rendering " + b + ")").orElse(""));
        } catch (StackOverflowError e) {
            // a partial that includes itself, directly or through others, never ends
            problems.error(SourceLocation.of(theme.shown().resolve(name)), "the template includes or extends itself without end"
                            + blame.map(b -> " (while rendering " + b.file().toString().replace('\\', '/') + ")").orElse(""),
                    "look for an include, embed or extends that leads back to a template already in use");
        }
        return Optional.empty();
    }

    /** {@code t("key")} and {@code asset("name")} for templates. */
    private final class AcervoExtension extends AbstractExtension {
        @Override
        public Map<String, Function> getFunctions() {
            return Map.of("t", new Function() {
                @Override
                public List<String> getArgumentNames() {
                    return List.of("key", "arg");
                }

                @Override
                public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
                    Object lang = context.getVariable("lang");
                    String s = theme.string(lang == null ? config.defaultLanguage() : lang.toString(), String.valueOf(args.get("key")),
                            config.defaultLanguage());
                    Object arg = args.get("arg");
                    return arg == null ? s : s.replace("{0}", String.valueOf(arg));
                }
            }, "asset", new Function() {
                @Override
                public List<String> getArgumentNames() {
                    return List.of("name");
                }

                @Override
                public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
                    String name = String.valueOf(args.get("name"));
                    return "/" + theme.asset(name).orElseThrow(() -> new PebbleException(null,
                            "no file '" + name + "' in the theme's static folder", line, self.getName()));
                }
            });
        }
    }
}
