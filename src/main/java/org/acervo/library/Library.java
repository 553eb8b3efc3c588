package org.acervo.library;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.acervo.build.OutputFile;
import org.acervo.render.Views.Link;

/**
 * What templates read as {@code library}: per page (by its site path, {@code page.path}) its
 * event data, downloads, collections and directory data; per language the upcoming and past
 * events, the document library and the audience filters. Every method returns an empty
 * list or null when there is nothing, never fails, so a theme can ask about any page.
 */
public final class Library {
    private final Map<String, Event> events;
    private final Map<String, List<Download>> downloads;
    private final Map<String, CollectionPath> collections;
    private final Map<String, List<CollectionPath.Step>> steps;
    private final Map<String, Directory.Community> communities;
    private final Map<String, Directory.Person> people;
    private final Map<String, List<Directory.Group>> gathered;
    private final Map<String, List<String>> attendees;
    private final Map<String, List<Link>> audiences;
    private final List<OutputFile> calendarFiles;

    Library(Map<String, Event> events, Map<String, List<Download>> downloads, Map<String, CollectionPath> collections,
            Map<String, List<CollectionPath.Step>> steps, Map<String, Directory.Community> communities,
            Map<String, Directory.Person> people, Map<String, List<Directory.Group>> gathered,
            Map<String, List<String>> attendees, Map<String, List<Link>> audiences, List<OutputFile> calendarFiles) {
        this.events = Map.copyOf(events);
        this.downloads = Map.copyOf(downloads);
        this.collections = Map.copyOf(collections);
        this.steps = Map.copyOf(steps);
        this.communities = Map.copyOf(communities);
        this.people = Map.copyOf(people);
        this.gathered = Map.copyOf(gathered);
        this.attendees = Map.copyOf(attendees);
        this.audiences = Map.copyOf(audiences);
        this.calendarFiles = List.copyOf(calendarFiles);
    }

    /** The event data of a page, or null when the page has no {@code startDate}. */
    public Event event(String path) {
        return events.get(path);
    }

    /** Events still to come in a language, soonest first; {@code section} "" means every section. */
    public List<Event> upcoming(String lang, String section) {
        return events.values().stream().filter(e -> e.lang().equals(lang) && e.upcoming())
                .filter(e -> section.isEmpty() || e.section().equals(section))
                .sorted(Comparator.comparing(Event::start).thenComparing(Event::path)).toList();
    }

    /** Events that are over, most recent first; {@code section} "" means every section. */
    public List<Event> past(String lang, String section) {
        return events.values().stream().filter(e -> e.lang().equals(lang) && !e.upcoming())
                .filter(e -> section.isEmpty() || e.section().equals(section))
                .sorted(Comparator.comparing(Event::start).reversed().thenComparing(Event::path)).toList();
    }

    /** Files a page offers: front matter downloads, presentations, slides, and files linked in its text. */
    public List<Download> downloads(String path) {
        return downloads.getOrDefault(path, List.of());
    }

    /** Every download of a language's pages, by page title then file: the document library. */
    public List<Download> documents(String lang) {
        String prefix = "/" + lang + "/";
        return downloads.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).flatMap(e -> e.getValue().stream())
                .sorted(Comparator.comparing(Download::pageTitle).thenComparing(Download::href)).toList();
    }

    /** The collection a page defines, or null. */
    public CollectionPath collection(String path) {
        return collections.get(path);
    }

    /** Where a page stands in each collection that includes it. */
    public List<CollectionPath.Step> steps(String path) {
        return steps.getOrDefault(path, List.of());
    }

    public Directory.Community community(String path) {
        return communities.get(path);
    }

    public Directory.Person person(String path) {
        return people.get(path);
    }

    /** What a city's page gathers: every page tagged with the city, hosted or coordinated by it. */
    public List<Directory.Group> gathered(String path) {
        return gathered.getOrDefault(path, List.of());
    }

    /** Who attended a meeting (minutes), as written. */
    public List<String> attendees(String path) {
        return attendees.getOrDefault(path, List.of());
    }

    /** Links to the lists narrowed to each audience (the audience taxonomy's term pages). */
    public List<Link> audiences(String lang) {
        return audiences.getOrDefault(lang, List.of());
    }

    /**
     * The audience sections a page's body has, in order: {@code policy} and/or
     * {@code practice}, from headings written {@code ## For policy makers {#policy}}.
     */
    public List<String> audienceSections(List<org.acervo.model.Heading> toc) {
        return toc.stream().map(org.acervo.model.Heading::id).filter(AUDIENCES::contains).distinct().toList();
    }

    /** The heading ids that mark the two audiences' parts of a knowledge object. */
    public static final List<String> AUDIENCES = List.of("policy", "practice");

    /**
     * Everything the library holds, as one value: what the build cache prints ({@link org.acervo.util.ValuePrint}) to
     * know that templates would be given the same library as in the last build.
     */
    public List<Object> contents() {
        return List.of(events, downloads, collections, steps, communities, people, gathered, attendees, audiences, calendarFiles);
    }

    /** The iCalendar files of upcoming events. */
    public List<OutputFile> calendarFiles() {
        return calendarFiles;
    }
}
