package org.acervo.library;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.acervo.build.OutputFile;
import org.acervo.markdown.LinkTargets;
import org.acervo.model.LanguageSite;
import org.acervo.model.Page;
import org.acervo.model.Section;
import org.acervo.model.Site;
import org.acervo.model.TaxonomyTerm;
import org.acervo.problem.Problems;
import org.acervo.render.Views.Link;

/**
 * Reads the library's front matter from every page of the assembled site into a
 * {@link Library}: files are resolved like links (a missing one is an error at the key's
 * line) and measured on disk; events are split into upcoming and past against the build's
 * "now"; collections are resolved to pages in the reader's language.
 */
public final class LibraryBuilder {
    private final Site site;
    private final LinkTargets links;
    private final BundleFiles files;
    private final Map<String, List<Download>> bodyDownloads;
    private final ZonedDateTime now;
    private final Problems problems;
    private final Map<String, Page> byPath = new HashMap<>();
    private final DirectoryReader directory;

    public LibraryBuilder(Site site, LinkTargets links, BundleFiles files, Map<String, List<Download>> bodyDownloads,
                          ZonedDateTime now, Problems problems) {
        this.site = site;
        this.links = links;
        this.files = files;
        this.bodyDownloads = bodyDownloads;
        this.now = now;
        this.problems = problems;
        this.directory = new DirectoryReader(site);
        for (Page p : everyPage()) byPath.put("/" + p.path(), p);
    }

    /** Single pages, and the home and section pages, whose own text may define a collection or offer files. */
    private List<Page> everyPage() {
        List<Page> out = new ArrayList<>();
        for (LanguageSite l : site.languages().values()) {
            l.home().ifPresent(out::add);
            for (Section s : l.sections().values()) s.index().ifPresent(out::add);
            out.addAll(l.pages());
        }
        return out;
    }

    public Library build() {
        Map<String, Event> events = new HashMap<>();
        Map<String, List<Download>> downloads = new HashMap<>();
        Map<String, CollectionPath> collections = new HashMap<>();
        Map<String, List<CollectionPath.Step>> steps = new HashMap<>();
        Map<String, Directory.Community> communities = new HashMap<>();
        Map<String, Directory.Person> people = new HashMap<>();
        Map<String, List<String>> attendees = new HashMap<>();
        List<OutputFile> calendars = new ArrayList<>();
        for (Page p : everyPage()) {
            String path = "/" + p.path();
            FieldReader r = new FieldReader(p, problems);
            List<Download> offered = new ArrayList<>();
            for (Map<String, Object> m : listOfFiles(r)) {
                r.required("downloads", m, "file").flatMap(f -> file(r, "downloads", f, r.text("downloads", m, "title").orElse(f), ""))
                        .ifPresent(offered::add);
            }
            if (r.has("startDate")) {
                readEvent(r).ifPresent(e -> {
                    events.put(path, e);
                    offered.addAll(e.presentations());
                    if (e.slides() != null) offered.add(e.slides());
                    if (e.transcript() != null) offered.add(e.transcript());
                    if (e.ics() != null) calendars.add(OutputFile.text(e.ics().substring(1), calendar(p, e)));
                });
            }
            List<String> who = r.strings("attendees");
            if (!who.isEmpty()) attendees.put(path, who);
            for (Download d : bodyDownloads.getOrDefault(path, List.of())) {
                int same = -1;
                for (int i = 0; i < offered.size(); i++) if (offered.get(i).href().equals(d.href())) same = i;
                if (same < 0) {
                    offered.add(d);
                } else if (offered.get(same).title().isEmpty()) { // slides named in front matter take the text's link label
                    Download o = offered.get(same);
                    offered.set(same, new Download(d.title(), o.href(), o.type(), o.bytes(), o.speaker(), o.duration(), o.page(), o.pageTitle()));
                }
            }
            if (!offered.isEmpty()) downloads.put(path, List.copyOf(offered));
            if (r.has("collection")) readCollection(r).ifPresent(c -> collections.put(path, c));
            if (p.section().equals("communities") && p.kind() == org.acervo.model.PageKind.SINGLE) communities.put(path, directory.community(r));
            if (p.section().equals("people") && p.kind() == org.acervo.model.PageKind.SINGLE) people.put(path, directory.person(r));
        }
        for (CollectionPath c : collections.values()) {
            for (int i = 0; i < c.members().size(); i++) {
                Link prev = i == 0 ? null : c.members().get(i - 1);
                Link next = i == c.members().size() - 1 ? null : c.members().get(i + 1);
                steps.computeIfAbsent(c.members().get(i).path(), k -> new ArrayList<>())
                        .add(new CollectionPath.Step(c.title(), c.path(), i + 1, c.members().size(), prev, next));
            }
        }
        // a page without translation is in the other language's path too; it shows its own language's path first
        steps.replaceAll((k, v) -> {
            String lang = k.substring(0, k.indexOf('/', 1) + 1);
            List<CollectionPath.Step> own = v.stream().filter(st -> st.path().startsWith(lang)).toList();
            return (own.isEmpty() ? v : own).stream().sorted(java.util.Comparator.comparing(CollectionPath.Step::path)).toList();
        });
        return new Library(events, downloads, collections, steps, communities, people, directory.gathered(), attendees, audiences(), calendars);
    }

    /** {@code downloads:} as a list of files, of {title, file} groups, or of both. */
    private List<Map<String, Object>> listOfFiles(FieldReader r) {
        Object v = r.page().params().get("downloads");
        if (v instanceof List<?> list && list.stream().allMatch(o -> o instanceof String || o instanceof Map<?, ?>)) {
            List<Map<String, Object>> out = new java.util.ArrayList<>();
            for (Object o : list) {
                if (o instanceof String file) {
                    out.add(Map.of("file", file));
                } else {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> group = (Map<String, Object>) o;
                    out.add(group);
                }
            }
            return out;
        }
        return r.maps("downloads", "[{title: \"Manual\", file: manual.pdf}]");
    }

    // ---- files ---------------------------------------------------------------------------

    private static boolean external(String url) {
        return url.matches("(?i)^[a-z][a-z0-9+.-]*:.*") || url.startsWith("//");
    }

    /** A file named in front matter: resolved like a link (missing files are reported there) and measured. */
    private Optional<Download> file(FieldReader r, String key, String file, String title, String speaker) {
        Page p = r.page();
        if (external(file)) return Optional.of(new Download(title, file, org.acervo.util.FileSizes.type(file), -1, speaker, "", "/" + p.path(), p.title()));
        Optional<String> target = links.resolve(file, p, r.where(key));
        if (target.isEmpty()) return Optional.empty();
        OptionalLong size = files.size(target.get());
        String type = org.acervo.util.FileSizes.type(BundleFiles.stripFragment(target.get()));
        return Optional.of(new Download(title, target.get(), type, size.orElse(-1), speaker, "", "/" + p.path(), p.title()));
    }

    /** {@code recording: {url: ..., bytes: ..., duration: ...}} or {@code {file: ...}}; an external file needs its size. */
    private Download media(FieldReader r, String key, String title) {
        Optional<Map<String, Object>> m = r.map(key, "{url: https://..., bytes: 187050000, duration: \"58 min\"}");
        if (m.isEmpty()) return null;
        Optional<String> url = r.text(key, m.get(), "url").or(() -> r.text(key, m.get(), "file"));
        if (url.isEmpty()) {
            r.error(key, "'" + key + "' has no url or file", "write " + key + ": {url: https://..., bytes: 187050000}");
            return null;
        }
        Optional<Download> d = file(r, key, url.get(), title, "");
        if (d.isEmpty()) return null;
        long bytes = d.get().bytes();
        Object given = m.get().get("bytes");
        if (given != null) {
            OptionalLong b = r.wholeNumber(key, key + ".bytes", given);
            if (b.isPresent()) bytes = b.getAsLong();
        } else if (d.get().external()) {
            r.error(key, "'" + key + "' gives no size", "add bytes: with the file's size, e.g. bytes: 187050000, so readers on slow "
                    + "connections know what it costs before they download it");
        }
        String duration = r.text(key, m.get(), "duration").orElse("");
        Download x = d.get();
        return new Download(x.title(), x.href(), x.type(), bytes, "", duration, x.page(), x.pageTitle());
    }

    // ---- events --------------------------------------------------------------------------

    private Optional<Event> readEvent(FieldReader r) {
        Optional<FieldReader.When> start = r.date("startDate");
        Optional<FieldReader.When> end = r.date("endDate");
        // with a wrong start date the other fields are still read, so one build reports all their mistakes
        Event read = readEvent(r, start.orElse(new FieldReader.When(now, true)), end);
        return start.isPresent() ? Optional.of(read) : Optional.empty();
    }

    private Event readEvent(FieldReader r, FieldReader.When start, Optional<FieldReader.When> end) {
        Page p = r.page();
        ZonedDateTime s = start.at();
        ZonedDateTime e = end.map(FieldReader.When::at).orElse(s);
        if (e.isBefore(s)) {
            r.error("endDate", "'endDate' is before 'startDate'", "check both dates");
            e = s;
        }
        boolean allDay = start.allDay();
        Link city = r.string("city").flatMap(id -> directory.cityLink(r, "city", id)).orElse(null);
        long participants = r.integer("participants").orElse(-1);
        List<Event.AgendaItem> agenda = new ArrayList<>();
        for (Map<String, Object> m : r.maps("agenda", "{time: \"09:00\", title: \"Welcome\"}")) {
            r.required("agenda", m, "title").ifPresent(t -> agenda.add(new Event.AgendaItem(r.text("agenda", m, "time").orElse(""), t)));
        }
        List<Download> presentations = new ArrayList<>();
        for (Map<String, Object> m : r.maps("presentations", "{title: \"...\", file: slides.pdf, speaker: \"...\"}")) {
            Optional<String> f = r.required("presentations", m, "file");
            if (f.isEmpty()) continue;
            file(r, "presentations", f.get(), r.text("presentations", m, "title").orElse(f.get()),
                    r.text("presentations", m, "speaker").orElse("")).ifPresent(presentations::add);
        }
        Download slides = r.string("slides").flatMap(f -> file(r, "slides", f, "", "")).orElse(null);
        Download transcript = r.string("transcript").flatMap(f -> file(r, "transcript", f, "", "")).orElse(null);
        String poster = r.string("poster").flatMap(f -> links.resolve(f, p, r.where("poster"))).orElse(null);
        Download recording = media(r, "recording", "recording");
        Download audio = media(r, "audio", "audio");
        boolean upcoming = allDay ? !e.toLocalDate().isBefore(now.withZoneSameInstant(ZoneOffset.UTC).toLocalDate()) : !e.isBefore(now);
        String ics = upcoming ? "/" + p.path() + lastSegment(p.path()) + ".ics" : null;
        String sectionTitle = site.expectLanguage(p.lang()).findSection(p.section()).map(Section::title).orElse("");
        return new Event(p.title(), "/" + p.path(), p.lang(), p.section(), sectionTitle, p.content().summary(), s, e,
                allDay, city, participants, agenda, presentations, r.strings("speakers"), recording, audio, slides, transcript,
                poster, r.strings("attendees"), upcoming, ics);
    }

    private static String lastSegment(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String name = p.substring(p.lastIndexOf('/') + 1);
        return name.isEmpty() ? "event" : name;
    }

    private String calendar(Page p, Event e) {
        String base = site.config().base().orElse("");
        String host = base.replaceFirst("^[a-z]+://", "").replaceAll("/.*$", "");
        String uid = sha256(p.translationKey()).substring(0, 24) + "@" + (host.isEmpty() ? "acervo" : host);
        ZonedDateTime stamp = p.lastmod().orElse(now);
        String url = base.isEmpty() ? "" : base + p.path();
        String description = p.description().isBlank() ? p.content().summary() : p.description();
        if (!url.isEmpty()) description = description + "\n" + url;
        String location = e.city() == null ? "" : e.city().label();
        return new IcsWriter().write(e, uid, stamp, description, location, url);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- collections -----------------------------------------------------------------------

    private Optional<CollectionPath> readCollection(FieldReader r) {
        Page p = r.page();
        List<Link> members = new ArrayList<>();
        for (String entry : r.strings("collection")) {
            Optional<String> target = links.resolve(entry, p, r.where("collection"));
            if (target.isEmpty()) continue;
            Page member = byPath.get(target.get().replaceAll("#.*$", ""));
            if (member == null) {
                r.error("collection", "'" + entry + "' in 'collection' is a file, not a page", "list the pages' Markdown files, e.g. agua.md");
                continue;
            }
            members.add(new Link(member.title(), "/" + member.path()));
        }
        String title = r.string("collectionTitle").orElse(p.title());
        return members.isEmpty() ? Optional.empty() : Optional.of(new CollectionPath(title, "/" + p.path(), members));
    }

    private Map<String, List<Link>> audiences() {
        Map<String, List<Link>> out = new HashMap<>();
        for (LanguageSite l : site.languages().values()) {
            List<TaxonomyTerm> terms = l.taxonomies().get("audience");
            if (terms == null) continue;
            out.put(l.lang(), terms.stream().map(t -> new Link(t.label(), "/" + t.path())).toList());
        }
        return out;
    }
}
