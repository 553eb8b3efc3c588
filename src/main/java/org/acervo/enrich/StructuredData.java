package org.acervo.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.acervo.glossary.Glossary;
import org.acervo.glossary.GlossaryEntry;
import org.acervo.model.Page;
import org.acervo.model.Site;
import org.acervo.render.OutputPage;

/**
 * The schema.org description of each page, by what the page is: an Article for knowledge
 * objects and case studies, a DefinedTerm for a glossary entry and a DefinedTermSet for the
 * glossary, an Event for workshops, events and webinars, a DigitalDocument for manuals and
 * downloads, an Organization for communities of practice, cities and organisations, the
 * WebSite on the home page. Addresses are absolute, so they are given only when the site has
 * a {@code baseURL}.
 */
public final class StructuredData {
    private static final Set<String> EVENTS = Set.of("workshops", "events", "webinars");
    private static final Set<String> DOCUMENTS = Set.of("manuals", "downloads", "library", "documents");
    private static final Set<String> ORGANISATIONS = Set.of("communities", "cities", "organisations", "organizations");
    private static final Set<String> PLAIN = Set.of("people", "newsletter-issues");

    private final Site site;
    private final Glossary glossary;
    private final String base;

    public StructuredData(Site site, Glossary glossary) {
        this.site = site;
        this.glossary = glossary;
        this.base = site.config().base().map(b -> b.endsWith("/") ? b : b + "/").orElse("");
    }

    /** The JSON-LD text for an output page; empty for pages that describe nothing (search, 404). */
    public Optional<String> of(OutputPage out, Optional<Page> page) {
        String lang = out.lang();
        return switch (out.kind()) {
            case HOME -> Optional.of(JsonLd.of(JsonLd.Type.WebSite).text("name", site.config().expectLanguage(lang).title())
                    .text("description", site.config().expectLanguage(lang).description()).text("inLanguage", lang)
                    .text("url", url(out.page().path())).toJson());
            case SECTION -> Optional.of(section(out, page));
            case SINGLE -> page.map(this::single);
            default -> Optional.empty();
        };
    }

    private String section(OutputPage out, Optional<Page> page) {
        String lang = out.lang();
        if (out.type().equals(Glossary.SECTION)) {
            List<JsonLd> terms = new ArrayList<>();
            for (GlossaryEntry e : glossary.entries(lang)) terms.add(term(e, false));
            return JsonLd.of(JsonLd.Type.DefinedTermSet).text("name", out.page().title()).text("description", out.page().description())
                    .text("inLanguage", lang).text("url", url(out.page().path())).nodes("hasDefinedTerm", terms).toJson();
        }
        return JsonLd.of(JsonLd.Type.CollectionPage).text("name", out.page().title()).text("description", out.page().description())
                .text("inLanguage", lang).text("url", url(out.page().path())).toJson();
    }

    private String single(Page p) {
        if (Glossary.isEntry(p)) {
            return glossary.find(Glossary.idOf(p), p.lang()).map(e -> term(e, true)).orElseGet(() -> common(JsonLd.Type.WebPage, p)).toJson();
        }
        String type = p.type();
        if (EVENTS.contains(type)) return event(p).toJson();
        if (DOCUMENTS.contains(type)) return common(JsonLd.Type.DigitalDocument, p).toJson();
        if (ORGANISATIONS.contains(type)) {
            return JsonLd.of(JsonLd.Type.Organization).text("name", p.title()).text("description", summary(p))
                    .text("url", url("/" + p.path())).text("email", param(p, "contact")).toJson();
        }
        if (PLAIN.contains(type) || p.section().isEmpty()) return common(JsonLd.Type.WebPage, p).toJson();
        return common(JsonLd.Type.Article, p).toJson();
    }

    private JsonLd common(JsonLd.Type type, Page p) {
        JsonLd n = JsonLd.of(type).text(type == JsonLd.Type.Article ? "headline" : "name", p.title()).text("description", summary(p))
                .text("inLanguage", p.lang()).date("datePublished", p.date().orElse(null))
                .date("dateModified", p.lastmod().orElse(null)).text("url", url("/" + p.path()));
        n.texts("keywords", p.terms("tags"));
        n.texts("about", p.terms("topics"));
        List<String> authors = strings(p.params().get("authors"));
        if (!authors.isEmpty()) {
            List<JsonLd> people = new ArrayList<>();
            for (String a : authors) people.add(JsonLd.of(JsonLd.Type.Person).text("name", a));
            n.nodes("author", people);
        }
        return n;
    }

    private JsonLd event(Page p) {
        JsonLd n = JsonLd.of(JsonLd.Type.Event).text("name", p.title()).text("description", summary(p)).text("inLanguage", p.lang())
                .date("startDate", p.date().orElse(null)).text("url", url("/" + p.path()));
        String end = param(p, "endDate").isEmpty() ? param(p, "end") : param(p, "endDate");
        n.text("endDate", end);
        String place = param(p, "location").isEmpty() ? param(p, "city") : param(p, "location");
        if (!place.isEmpty()) n.node("location", JsonLd.of(JsonLd.Type.Place).text("name", place));
        if (p.type().equals("webinars")) n.text("eventAttendanceMode", "https://schema.org/OnlineEventAttendanceMode");
        return n;
    }

    private JsonLd term(GlossaryEntry e, boolean withSet) {
        List<String> alternate = new ArrayList<>(e.synonyms());
        alternate.addAll(e.abbr());
        JsonLd n = JsonLd.of(JsonLd.Type.DefinedTerm).text("name", e.title()).text("description", e.definition())
                .text("termCode", e.id()).texts("alternateName", alternate).text("inLanguage", e.lang()).text("url", url(e.path()));
        if (withSet) {
            String title = site.expectLanguage(e.lang()).findSection(Glossary.SECTION).map(s -> s.title()).orElse("Glossary");
            String path = site.expectLanguage(e.lang()).findSection(Glossary.SECTION).map(s -> "/" + s.path()).orElse("");
            n.node("inDefinedTermSet", JsonLd.of(JsonLd.Type.DefinedTermSet).text("name", title).text("url", path.isEmpty() ? "" : url(path)));
        }
        return n;
    }

    private String url(String sitePath) {
        return base.isEmpty() ? "" : base + sitePath.replaceFirst("^/", "");
    }

    private static String summary(Page p) {
        return p.description().isBlank() ? p.content().summary() : p.description();
    }

    private static String param(Page p, String key) {
        Object v = p.params().get(key);
        return v == null ? "" : v.toString();
    }

    private static List<String> strings(Object v) {
        if (v instanceof List<?> l) return l.stream().map(String::valueOf).toList();
        if (v instanceof Map<?, ?>) return List.of();
        return v == null ? List.of() : List.of(v.toString());
    }
}
