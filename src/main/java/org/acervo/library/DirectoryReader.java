package org.acervo.library;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acervo.model.LanguageSite;
import org.acervo.model.Page;
import org.acervo.model.Section;
import org.acervo.model.Site;
import org.acervo.render.Views.Link;

/**
 * The directories: communities of practice (coordinating city, members, contact, public
 * members), public member profiles, and what each city's page gathers. Cities are found by
 * their id in the cities taxonomy or by the file name of their page in {@code cities/}.
 */
final class DirectoryReader {
    private static final String CITIES = "cities";
    private final Site site;

    DirectoryReader(Site site) {
        this.site = site;
    }

    /** A page's name: its file name, or its folder's for a bundle ({@code disaster-risk}). */
    static String id(Page p) {
        String t = p.source().translationPath();
        return t.substring(t.lastIndexOf('/') + 1);
    }

    /** The page of a city in the page's language (else another), by its id in the cities taxonomy or its file name. */
    private Optional<Page> cityPage(String lang, String id) {
        Page other = null;
        for (Page c : site.allPages()) {
            if (!c.section().equals(CITIES) || c.kind() != org.acervo.model.PageKind.SINGLE) continue;
            boolean match = id(c).equals(id) || c.terms(CITIES).contains(id);
            if (!match) continue;
            if (c.lang().equals(lang)) return Optional.of(c);
            if (other == null) other = c;
        }
        return Optional.ofNullable(other);
    }

    Optional<Link> cityLink(FieldReader r, String key, String id) {
        Optional<Page> c = cityPage(r.page().lang(), id);
        if (c.isPresent()) return Optional.of(new Link(c.get().title(), "/" + c.get().path()));
        var tax = site.config().taxonomies().get(CITIES);
        if (tax != null && tax.closed() && !tax.terms().containsKey(id)) {
            r.error(key, "unknown city '" + id + "'", org.acervo.problem.Suggestions.hint(id, List.copyOf(tax.terms().keySet()), "cities"));
            return Optional.empty();
        }
        String label = tax == null ? id : tax.termLabel(id, r.page().lang()).orElse(id);
        return Optional.of(new Link(label, ""));
    }

    private Optional<Page> communityPage(String lang, String id) {
        Page other = null;
        for (Page c : site.allPages()) {
            if (!c.section().equals("communities") || c.kind() != org.acervo.model.PageKind.SINGLE) continue;
            if (!id(c).equals(id) && !c.terms("topics").contains(id)) continue;
            if (c.lang().equals(lang)) return Optional.of(c);
            if (other == null) other = c;
        }
        return Optional.ofNullable(other);
    }

    Directory.Community community(FieldReader r) {
        Page p = r.page();
        long members = r.integer("members").orElse(-1);
        Link coordinator = r.string("coordinator").flatMap(id -> cityLink(r, "coordinator", id)).orElse(null);
        String contact = r.string("contact").orElse("");
        String href = contact.isEmpty() ? "" : contact.contains("@") && !contact.contains("/") ? "mailto:" + contact : contact;
        List<Link> people = new ArrayList<>();
        for (Page person : site.expectLanguage(p.lang()).pages()) {
            if (!person.section().equals("people") || person.kind() != org.acervo.model.PageKind.SINGLE) continue;
            Object c = person.params().get("community");
            if (c != null && (c.toString().equals(id(p)) || p.terms("topics").contains(c.toString()))) {
                people.add(new Link(person.title(), "/" + person.path()));
            }
        }
        return new Directory.Community(members, coordinator, contact, href, people);
    }

    Directory.Person person(FieldReader r) {
        Link city = r.string("city").flatMap(id -> cityLink(r, "city", id)).orElse(null);
        Link community = r.string("community").map(id -> communityPage(r.page().lang(), id)
                .map(c -> new Link(c.title(), "/" + c.path())).orElseGet(() -> {
                    r.error("community", "no community page for '" + id + "'", "use the file name of a page in content/communities/");
                    return null;
                })).orElse(null);
        return new Directory.Person(r.string("role").orElse(""), city, community);
    }

    /** The folder of organisation pages; other pages name them with {@code organisations: [id]}. */
    static final String ORGANISATIONS = "organisations";

    /**
     * For each page in {@code cities/} and {@code organisations/}: the other pages of its
     * language that name it (taxonomy or front matter), host it ({@code city}) or are
     * coordinated by it ({@code coordinator}), per section.
     */
    Map<String, List<Directory.Group>> gathered() {
        Map<String, List<Directory.Group>> out = new HashMap<>();
        for (LanguageSite l : site.languages().values()) {
            for (Page owner : l.pages()) {
                String key = owner.section();
                if (!key.equals(CITIES) && !key.equals(ORGANISATIONS)) continue;
                List<String> ids = new ArrayList<>(owner.terms(key));
                if (ids.isEmpty()) ids.add(id(owner));
                Map<String, List<Link>> bySection = new LinkedHashMap<>();
                for (Page p : l.pages()) { // pages at the top of content/ (about...) belong to no section
                    if (p.section().isEmpty() && names(p, key, ids)) bySection.computeIfAbsent("", k -> new ArrayList<>()).add(new Link(p.title(), "/" + p.path()));
                }
                for (Section s : l.sections().values()) {
                    if (s.key().contains("/")) continue;
                    for (Section.Entry en : s.entries()) {
                        Page p = en.page();
                        if (p == owner || p.kind() != org.acervo.model.PageKind.SINGLE) continue;
                        if (names(p, key, ids)) bySection.computeIfAbsent(s.title(), k -> new ArrayList<>()).add(new Link(p.title(), "/" + p.path()));
                    }
                }
                List<Directory.Group> groups = new ArrayList<>();
                bySection.forEach((t, pages) -> groups.add(new Directory.Group(t, List.copyOf(pages))));
                out.put("/" + owner.path(), List.copyOf(groups));
            }
        }
        return out;
    }

    private static boolean names(Page p, String key, List<String> ids) {
        if (p.terms(key).stream().anyMatch(ids::contains)) return true;
        if (key.equals(CITIES)) {
            return ids.contains(String.valueOf(p.params().get("city"))) || ids.contains(String.valueOf(p.params().get("coordinator")));
        }
        Object named = p.params().get(ORGANISATIONS);
        if (named instanceof List<?> list) return list.stream().map(String::valueOf).anyMatch(ids::contains);
        return named != null && ids.contains(named.toString()) || ids.contains(String.valueOf(p.params().get("organisation")));
    }
}
