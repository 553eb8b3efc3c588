package org.acervo.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.acervo.DemoSite;
import org.acervo.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code acervo build} after an edit takes what did not change from the build cache, and writes the same bytes as a
 * build from nothing: checked on a copy of the demo library, edit after edit, against a fresh build of a copy of the
 * same sources.
 */
class IncrementalBuildTest {
    @TempDir
    Path dir;

    private static final Pattern NOTE = Pattern.compile(
            "build cache: front matter of (\\d+) sources, Markdown of (\\d+) of (\\d+) pages and (\\d+) of (\\d+) finished pages taken from the last build"
                    + " \\((\\d+) of them not rendered again\\), and (\\d+) of (\\d+) texts not analysed again");

    /**
     * What the cache note of the last build said: Markdown taken, Markdown in all, pages taken, pages in all, front matter
     * taken, analysed texts taken, analysed texts in all, pages taken without rendering their templates.
     */
    private static int[] taken(TestSite site) {
        Matcher m = NOTE.matcher(site.err() + site.out());
        if (!m.find()) fail("no build cache note in:\n" + site.err() + site.out());
        return new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(7)), Integer.parseInt(m.group(8)), Integer.parseInt(m.group(6))};
    }

    private TestSite demoCopy(String name) {
        Path to = dir.resolve(name);
        for (String part : List.of("content", "themes")) TestSite.copyTree(DemoSite.source().resolve(part), to.resolve(part));
        try {
            Files.copy(DemoSite.source().resolve("site.yaml"), to.resolve("site.yaml"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return TestSite.at(to);
    }

    /** Builds a copy of the site's sources as they are now, from nothing, and fails on the first file that differs. */
    private void assertSameAsAFreshBuild(TestSite site, String after) throws IOException {
        Path copy = dir.resolve("fresh");
        if (Files.exists(copy)) OutputWriter.deleteTree(copy);
        for (String part : List.of("content", "themes", "static")) {
            if (Files.isDirectory(site.dir().resolve(part))) TestSite.copyTree(site.dir().resolve(part), copy.resolve(part));
        }
        Files.copy(site.dir().resolve("site.yaml"), copy.resolve("site.yaml"));
        TestSite fresh = TestSite.at(copy).buildOk("--fresh");
        Map<String, byte[]> want = files(fresh.output());
        Map<String, byte[]> got = files(site.output());
        assertEquals(want.keySet(), got.keySet(), "the same files after " + after);
        for (String path : want.keySet()) {
            if (!java.util.Arrays.equals(want.get(path), got.get(path))) fail(path + " differs from a fresh build after " + after);
        }
    }

    private static Map<String, byte[]> files(Path output) throws IOException {
        Path root = output.toRealPath(); // an output that is a link to its folder
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
                out.put(root.relativize(f).toString(), Files.isSymbolicLink(f) ? ("link to " + Files.readSymbolicLink(f)).getBytes() : Files.readAllBytes(f));
            }
        }
        try (Stream<Path> s = Files.walk(root)) { // and no folder that a build from nothing would not make
            for (Path d : s.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
                try (Stream<Path> in = Files.list(d)) {
                    if (in.findAny().isEmpty()) out.put(root.relativize(d) + "/", new byte[0]);
                }
            }
        }
        return out;
    }

    private static void edit(TestSite site, String path, String find, String replace) throws IOException {
        Path p = site.dir().resolve(path);
        String text = Files.readString(p);
        assertTrue(text.contains(find), path + " holds " + find);
        Files.writeString(p, text.replace(find, replace), StandardCharsets.UTF_8);
    }

    @Test
    void anEditOfAThemeThatIsALinkToAFolderElsewhereReachesEveryPage() throws Exception {
        // hosts keep one theme for several libraries and link it into each site's themes/
        TestSite site = demoCopy("site");
        Path elsewhere = dir.resolve("shared-theme");
        TestSite.copyTree(site.dir().resolve("themes/default"), elsewhere);
        OutputWriter.deleteTree(site.dir().resolve("themes/default"));
        Files.createSymbolicLink(site.dir().resolve("themes/default"), elsewhere);
        site.buildOk();
        Path layout = elsewhere.resolve("layouts/_default/baseof.html");
        Files.writeString(layout, Files.readString(layout).replace("</body>", "<p data-theme-edited>edited</p></body>"));
        site.buildOk();
        Map<String, byte[]> cached = files(site.output());
        site.buildOk("--fresh", "--output", dir.resolve("fresh-output").toString());
        Map<String, byte[]> fresh = files(dir.resolve("fresh-output"));
        assertEquals(fresh.keySet(), cached.keySet());
        for (String path : fresh.keySet()) {
            assertTrue(java.util.Arrays.equals(fresh.get(path), cached.get(path)), path + " differs from a build from nothing after the theme's edit");
        }
        assertTrue(site.text("en/knowledge/index.html").contains("data-theme-edited"), "the edit is published");
    }

    @Test
    void buildAfterBuildGivesTheBytesOfABuildFromNothingEditAfterEdit() throws Exception {
        TestSite site = demoCopy("site").buildOk();
        Map<String, java.nio.file.attribute.FileTime> madeFirst = new java.util.TreeMap<>();
        for (String f : site.files()) {
            if (f.contains("/search/") || f.endsWith(".xml") || f.endsWith(".json")) {
                madeFirst.put(f, Files.getLastModifiedTime(site.output().resolve(f)));
            }
        }
        int[] first = taken(site);
        assertEquals(0, first[0], "a first build has nothing to take");
        assertEquals(0, first[2]);
        assertEquals(0, first[5]);

        site.buildOk();
        int[] same = taken(site);
        assertEquals(same[1], same[0], "nothing changed: every page's Markdown is taken");
        assertTrue(same[4] >= same[1] / 2, "and the front matter of every source (a source can make a page in each language): " + same[4]);
        assertTrue(same[2] > same[3] * 9 / 10, "nothing changed: nearly every finished page is taken (pages with images are finished again): "
                + same[2] + " of " + same[3]);
        assertEquals(same[6], same[5], "nothing changed: no text is analysed again for related pages and search");
        // pages made without a layout's data (the language chooser, e-mail copies of newsletters, the translation report)
        // are compared by their HTML; every other page taken is not rendered again: its template would be given the same
        long madeOtherwise = site.files().stream()
                .filter(f -> f.equals("index.html") || f.endsWith("/email.html") || f.endsWith("_editors/translations/index.html")).count();
        assertTrue(madeOtherwise >= 3, "the chooser, e-mails and report: " + madeOtherwise);
        assertEquals(same[2] - madeOtherwise, same[7], "nothing changed: no page taken is rendered again");
        assertTrue(madeFirst.keySet().stream().filter(f -> f.contains("/search/")).count() > 10, "search files: " + madeFirst.keySet());
        for (Map.Entry<String, java.nio.file.attribute.FileTime> e : madeFirst.entrySet()) {
            assertEquals(e.getValue(), Files.getLastModifiedTime(site.output().resolve(e.getKey())),
                    "the same bytes: " + e.getKey() + " is not written again");
        }
        assertTrue(same[6] > same[1], "the titles and texts of pages, for both: " + same[6]);
        assertSameAsAFreshBuild(site, "a build with nothing changed");

        // one page's text
        Path edited = site.dir().resolve("content/knowledge/bus-rapid-transit.es.md");
        Files.writeString(edited, Files.readString(edited) + "\nUn párrafo nuevo sobre los carriles exclusivos.\n");
        site.buildOk();
        int[] text = taken(site);
        assertEquals(text[1] - 1, text[0], "only the edited page's Markdown is rendered again");
        assertEquals(same[4] - 1, text[4], "and only its source is parsed again");
        assertEquals(1, text[6] - text[5], "and only its text is analysed again, once for related pages and search alike");
        assertTrue(text[2] > 0 && text[2] < same[2], "the edited page and the pages that show it are finished again: " + text[2]);
        assertTrue(text[7] > text[2] * 9 / 10, "the pages taken are not rendered again: " + text[7] + " of " + text[2]);
        assertTrue(site.files().stream().anyMatch(f -> f.endsWith("index.html") && site.text(f).contains("carriles exclusivos")),
                "the edit is published");
        assertSameAsAFreshBuild(site, "an edit of one page's text");

        // a title, which lists, related pages and the translation's switcher show
        edit(site, "content/knowledge/bus-rapid-transit.en.md", "title:", "title: Revised ·");
        site.buildOk();
        assertSameAsAFreshBuild(site, "an edit of a title");

        // a '?' made a lone surrogate by a YAML escape: UTF-8 writes both as '?', the analyzers and pages tell them apart
        edit(site, "content/knowledge/bus-rapid-transit.en.md", "what a BRT corridor involves.\"", "what does a BRT corridor involve?\"");
        site.buildOk();
        edit(site, "content/knowledge/bus-rapid-transit.en.md", "involve?\"", "involve\\uD83D\"");
        site.buildOk();
        assertSameAsAFreshBuild(site, "a '?' made a lone surrogate");

        // what the library gathers from other pages, which templates ask it for: a person's role (shown on the person's
        // page and their community's), and the order of a guided path (each of its pages links the one before and after)
        edit(site, "content/people/marta-quintanilla.es.md", "role: \"Jefa de la unidad", "role: \"Directora de la unidad");
        site.buildOk();
        assertSameAsAFreshBuild(site, "an edit of a person's role");
        edit(site, "content/collections/disaster-risk.es.md", "  - ../knowledge/community-risk-maps.md\n  - ../knowledge/early-warning-systems.md",
                "  - ../knowledge/early-warning-systems.md\n  - ../knowledge/community-risk-maps.md");
        site.buildOk();
        assertSameAsAFreshBuild(site, "a guided path in another order");

        // a new page and its translation; then the translation gone (every page links somewhere, so it is the one to go)
        site.writeFile("content/knowledge/nueva-pagina.es.md", "---\ntitle: Una página nueva\ntags: [agua]\n---\n\nSobre la reutilización adaptativa.\n");
        site.writeFile("content/knowledge/nueva-pagina.en.md", "---\ntitle: A new page\ntags: [water]\n---\n\nOn adaptive reuse.\n");
        site.buildOk();
        int[] added = taken(site);
        assertEquals(added[1] - 2, added[0], "a page added elsewhere changes no other page's links: only the new pages are rendered");
        assertTrue(added[2] > added[3] / 2, "and most finished pages are taken (their bundle copies ask about other files): "
                + added[2] + " of " + added[3]);
        assertSameAsAFreshBuild(site, "two pages added");
        Files.delete(site.dir().resolve("content/knowledge/nueva-pagina.en.md"));
        site.buildOk();
        assertSameAsAFreshBuild(site, "a page deleted");

        // a glossary term's short definition, which every page that links the term shows
        edit(site, "content/glossary/adaptive-reuse.es.md", "conservando sus valores esenciales.\"",
                "conservando su memoria.\"");
        site.buildOk();
        assertTrue(site.files().stream().filter(f -> !f.contains("glosario") && f.endsWith(".html"))
                .anyMatch(f -> site.text(f).contains("conservando su memoria")), "pages that link the term show the new definition");
        assertSameAsAFreshBuild(site, "an edit of a glossary definition");

        // a page moves (a slug of its own): the pages that link to it link to its new address
        edit(site, "content/knowledge/bus-rapid-transit.es.md", "slug: corredores-brt", "slug: brt");
        site.buildOk();
        assertSameAsAFreshBuild(site, "a page that moved");

        // a file of the output changed and one removed by hand: made again, not taken
        Path page = site.output().resolve("es/index.html");
        Files.writeString(page, "edited by hand");
        Files.delete(site.output().resolve("en/index.html.gz"));
        site.buildOk();
        assertSameAsAFreshBuild(site, "output files changed by hand");

        // the theme: every page changes
        edit(site, "themes/default/layouts/_default/baseof.html", "</body>", "<!-- theme edited --></body>");
        site.buildOk();
        int[] theme = taken(site);
        assertEquals(0, theme[0], "a theme edit renders every page's Markdown again (shortcodes are templates)");
        assertEquals(0, theme[2], "and finishes every page again");
        assertSameAsAFreshBuild(site, "an edit of the theme");

        // site.yaml
        edit(site, "site.yaml", "Ayuda Urbana · Biblioteca de conocimiento", "Ayuda Urbana · Biblioteca");
        site.buildOk();
        assertSameAsAFreshBuild(site, "an edit of site.yaml");
    }

    private static final Pattern KNOWN = Pattern.compile("; (\\d+) sources not read again, known by their size and time");

    /** How many sources the last build did not read, knowing them by their size and time (0 when it does not say). */
    private static int known(TestSite site) {
        Matcher m = KNOWN.matcher(site.err() + site.out());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Writes {@code page} with {@code from} replaced by {@code to} (as long), with the given time. */
    private static void edit(Path page, String from, String to, java.nio.file.attribute.FileTime time) throws IOException {
        String text = Files.readString(page);
        assertTrue(text.contains(from) && from.length() == to.length(), "an edit of the same size");
        Files.writeString(page, text.replace(from, to));
        Files.setLastModifiedTime(page, time);
    }

    @Test
    void aSourceKnownByItsSizeAndTimeIsNotReadAgainAndAnyChangeToThoseIsSeen() throws Exception {
        TestSite site = demoCopy("site");
        // every source last written an hour ago: long enough before any build to be known by its size and time
        java.nio.file.attribute.FileTime hourAgo = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600));
        try (Stream<Path> s = Files.walk(site.dir().resolve("content"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) Files.setLastModifiedTime(p, hourAgo);
        }
        site.buildOk();
        assertEquals(0, known(site), "the first build reads every source");
        site.buildOk();
        int sources = taken(site)[4];
        assertTrue(sources > 50, "the front matter of every source is taken: " + site.err());
        assertEquals(sources, known(site), "and no source is read again: " + site.err());

        Path page = site.dir().resolve("content/about.en.md");
        // the same size, another time (an hour and a second ago): read, and the edit is seen
        edit(page, "Its purpose is simple", "Its purpose is humble", java.nio.file.attribute.FileTime.from(hourAgo.toInstant().plusSeconds(1)));
        site.buildOk();
        assertEquals(sources - 1, known(site), "the edited source is read: " + site.err());
        assertSameAsAFreshBuild(site, "an edit of the same size at another time");

        // the same size and time, but another file (saved as a new file moved in place, as many editors do): read
        if (Files.readAttributes(page, java.nio.file.attribute.BasicFileAttributes.class).fileKey() != null) {
            java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(page);
            Path saved = page.resolveSibling("about.en.md.saving");
            Files.copy(page, saved);
            edit(saved, "Its purpose is humble", "Its purpose is modest", time);
            Files.move(saved, page, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            site.buildOk();
            assertSameAsAFreshBuild(site, "a file of the same size and time moved in place");
        }

        // written just before a build, then again in the same tick of the clock (its time set back to the same): a file
        // that recent is read again by the next build whatever its size and time say
        Files.writeString(page, Files.readString(page).replace("Its purpose is", "Its purposes:"));
        java.nio.file.attribute.FileTime recent = Files.getLastModifiedTime(page);
        site.buildOk();
        String text = Files.readString(page);
        String word = text.contains("humble") ? "humble" : "modest";
        edit(page, "Its purposes: " + word, "Its purposes: direct", recent);
        site.buildOk();
        assertSameAsAFreshBuild(site, "a recent file written again with the same size and time");
        assertTrue(Files.readString(site.output().resolve("en/about/index.html")).contains("Its purposes: direct"),
                "the page shows the last edit");

        // a glossary definition edited: pages link their terms with it, so their Markdown is rendered again, from the
        // bodies of sources the build knew by their size and time and read only then
        Path term = site.dir().resolve("content/glossary/adaptive-reuse.en.md");
        Files.writeString(term, Files.readString(term).replace("while preserving its essential values.\"", "while keeping its essential values.\""));
        site.buildOk();
        int[] t = taken(site);
        assertTrue(t[0] < t[1] - 10, "pages' Markdown is rendered again: " + site.err());
        assertTrue(known(site) > sources / 2, "from sources not read before: " + site.err());
        assertSameAsAFreshBuild(site, "a glossary definition edited");

        // a file changed with its size, time and inode as they were (by hand, or saved during a build) whose Markdown is
        // rendered again: its front matter and body would be of two versions, so the build fails and says so, the output
        // stays, and the next build reads every source
        site.buildOk();
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(page);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(page, java.nio.file.StandardOpenOption.WRITE)) {
            // one char per byte, so that an index is a byte offset
            int at = new String(Files.readAllBytes(page), StandardCharsets.ISO_8859_1).indexOf("Its purposes: direct") + "Its purposes: ".length();
            ch.write(java.nio.ByteBuffer.wrap("candid".getBytes(StandardCharsets.UTF_8)), at); // in place: the same inode
        }
        Files.setLastModifiedTime(page, time);
        Files.writeString(term, Files.readString(term).replace("while keeping its essential values.\"", "while keeping its main values.\""));
        Map<String, byte[]> before = files(site.output());
        site.build();
        assertEquals(1, site.exit(), site.out() + site.err());
        assertTrue(site.err().contains("content/about.en.md:1:1: this file was saved or removed while the build read it (run the build again)"),
                site.err());
        Map<String, byte[]> after = files(site.output());
        assertEquals(before.keySet(), after.keySet(), "the output stays as it was");
        for (String f : before.keySet()) assertTrue(java.util.Arrays.equals(before.get(f), after.get(f)), f + " stays as it was");
        site.buildOk();
        assertEquals(0, known(site), "the next build reads every source: " + site.err());
        assertSameAsAFreshBuild(site, "a file changed behind its size and time");
        assertTrue(Files.readString(site.output().resolve("en/about/index.html")).contains("Its purposes: candid"), "the page shows it");
    }

    /**
     * A library of {@code pages} English pages on six subjects, in made-up words (each subject its own 120, and a common
     * stock of 300), and a few Spanish ones: related pages that an edit moves about.
     */
    private static String subjects(int pages) {
        java.util.Random random = new java.util.Random(7);
        String[] syllables = {"ka", "lo", "mi", "tu", "re", "sa", "no", "vi", "de", "po", "ri", "gu", "fe", "za", "bo"};
        java.util.function.Supplier<String> word = () -> {
            StringBuilder w = new StringBuilder();
            for (int k = 2 + random.nextInt(2); k > 0; k--) w.append(syllables[random.nextInt(syllables.length)]);
            return w.toString();
        };
        List<List<String>> subject = new ArrayList<>();
        for (int s = 0; s < 7; s++) {
            List<String> words = new ArrayList<>();
            for (int k = 0; k < (s < 6 ? 120 : 300); k++) words.add(word.get() + (char) ('a' + s));
            subject.add(words);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pages; i++) {
            List<String> mine = subject.get(i % 6);
            List<String> common = subject.get(6);
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < 150 + random.nextInt(100); k++) {
                List<String> from = random.nextInt(3) == 0 ? common : mine;
                text.append(from.get(random.nextInt(from.size()))).append(k % 9 == 8 ? ".\n" : " ");
            }
            b.append("-- content/knowledge/p").append(i).append(".en.md --\n---\ntitle: ").append(mine.get(random.nextInt(mine.size()))).append(' ')
                    .append(common.get(random.nextInt(common.size()))).append("\ntags: [s").append(i % 6).append("]\n---\n").append(text).append("\n");
        }
        for (int i = 0; i < 4; i++) b.append("-- content/knowledge/q").append(i).append(".es.md --\n---\ntitle: Agua ").append(i)
                .append("\n---\nAgua potable y drenaje.\n");
        return b.toString();
    }

    private static final Pattern PARTLY = Pattern.compile("related pages in en for (\\d+) of (\\d+) pages");

    @Test
    void relatedPagesAreWorkedOutAgainOnlyWhereAnEditReachesAndAreWhatAFullBuildMakes() throws Exception {
        int pages = 150;
        TestSite site = TestSite.create(dir.resolve("site"), subjects(pages)).buildOk();
        Path p7 = site.dir().resolve("content/knowledge/p7.en.md");
        String[] original = Files.readString(p7).split("---\n", 3);

        // a page that keeps to its subject: each word of the common stock in its text becomes one of its subject's words
        // it has, so it is as long as before and climbs in the lists of its subject's pages; those that did not hold it
        // take it from their old lists and the edited page, without being worked out again
        Matcher word = Pattern.compile("[a-z]+").matcher(original[2]);
        List<String> words = new ArrayList<>();
        while (word.find()) words.add(word.group());
        List<String> mine = words.stream().filter(w -> w.endsWith("b")).toList(); // p7 is on subject 1, whose words end in b
        StringBuilder focused = new StringBuilder();
        for (int k = 0; k < words.size(); k++) {
            focused.append(words.get(k).endsWith("b") ? words.get(k) : mine.get(k % mine.size())).append(k % 9 == 8 ? ".\n" : " ");
        }
        Files.writeString(p7, "---\n" + original[1] + "---\n" + focused + "\n");
        site.buildOk();
        Matcher same = PARTLY.matcher(site.err() + site.out());
        assertTrue(same.find(), site.err() + site.out());
        assertTrue(Integer.parseInt(same.group(1)) < pages / 4, "the edited page's list and those its edit reaches: " + same.group(1));
        assertSameAsAFreshBuild(site, "a page kept to its subject");

        // a sentence more in a page's text, of words other pages hold: its list and those it may enter are worked out
        String other = Files.readString(site.dir().resolve("content/knowledge/p9.en.md")).split("---\n", 3)[2];
        Files.writeString(p7, Files.readString(p7) + other.substring(0, other.indexOf('.')) + ".\n");
        site.buildOk();
        Matcher m = PARTLY.matcher(site.err() + site.out());
        assertTrue(m.find(), site.err() + site.out());
        int worked = Integer.parseInt(m.group(1));
        assertEquals(pages, Integer.parseInt(m.group(2)));
        assertTrue(worked >= 1 && worked < pages / 2, "the edited page's list and few others: " + worked);
        assertSameAsAFreshBuild(site, "a sentence added to a page");

        // the page made about another subject entirely: it leaves the lists it was in and enters others
        Files.writeString(p7, "---\n" + original[1] + "---\n" + other + other);
        site.buildOk();
        assertSameAsAFreshBuild(site, "a page's text replaced by another subject's");

        // two pages' titles, and one page's tags
        edit(site, "content/knowledge/p20.en.md", "title: ", "title: Revised ");
        edit(site, "content/knowledge/p33.en.md", "title: ", "title: Another ");
        edit(site, "content/knowledge/p41.en.md", "tags: [s5]", "tags: [s5, s2]");
        site.buildOk();
        assertSameAsAFreshBuild(site, "two titles and one page's tags edited");

        // a word of one page that was in no other page before, now in two
        edit(site, "content/knowledge/p50.en.md", "\n---\n", "\n---\nzyxwvut ");
        edit(site, "content/knowledge/p51.en.md", "\n---\n", "\n---\nzyxwvut ");
        site.buildOk();
        assertSameAsAFreshBuild(site, "a new word in two pages");

        // a page twenty times longer: the average length of a text moves, every score with it, and every list is worked out
        Files.writeString(p7, Files.readString(p7) + other.repeat(20));
        site.buildOk();
        Matcher all = PARTLY.matcher(site.err() + site.out());
        assertTrue(all.find(), site.err() + site.out());
        assertEquals(List.of(pages, pages), List.of(Integer.parseInt(all.group(1)), Integer.parseInt(all.group(2))));
        assertSameAsAFreshBuild(site, "a page made twenty times longer");
    }

    @Test
    void aLanguageWhosePagesDidNotChangeKeepsItsRelatedPagesAndItsSearchIndexWhole() throws Exception {
        TestSite site = demoCopy("site").buildOk();
        assertTrue(!(site.err() + site.out()).contains("taken whole"), "a first build has nothing to take whole");

        // a Spanish page's text: the English lists and index are what they were
        Path edited = site.dir().resolve("content/knowledge/bus-rapid-transit.es.md");
        Files.writeString(edited, Files.readString(edited) + "\nUn párrafo nuevo sobre los carriles exclusivos.\n");
        site.buildOk();
        assertTrue((site.err() + site.out()).contains("taken whole, as nothing they are made from changed: related pages in en, search index in en"),
                site.err() + site.out());
        int[] text = taken(site);
        assertEquals(1, text[6] - text[5], "only the edited text is analysed, once for related pages and search alike");
        assertSameAsAFreshBuild(site, "an edit of a Spanish page's text");

        // an English page's tags, which its related pages and the English search filters are made from
        edit(site, "content/knowledge/bus-rapid-transit.en.md", "tags: [brt, public transport,", "tags: [brt, bus lanes, public transport,");
        site.buildOk();
        assertTrue((site.err() + site.out()).contains("taken whole, as nothing they are made from changed: related pages in es, search index in es"),
                site.err() + site.out());
        assertSameAsAFreshBuild(site, "an edit of an English page's tags");

        // the Spanish page again: the analysed words of the Spanish texts were kept through the build that took them whole
        Files.writeString(edited, Files.readString(edited) + "\nOtro párrafo.\n");
        site.buildOk();
        int[] again = taken(site);
        assertEquals(1, again[6] - again[5], "only the edited text is analysed again, however many builds took its language whole");
        assertSameAsAFreshBuild(site, "a second edit of the Spanish page");

        // a section's title, which the search filters of its language show: that language's index is made again
        edit(site, "content/knowledge/_index.en.md", "title:", "title: Revised ·");
        site.buildOk();
        assertTrue(!(site.err() + site.out()).contains("search index in en"), site.err() + site.out());
        assertSameAsAFreshBuild(site, "an edit of a section's title");
    }

    @Test
    void warningsAndErrorsAreReportedByEveryBuildUntilFixed() throws Exception {
        TestSite site = TestSite.create(dir.resolve("small"), """
                -- content/knowledge/agua.es.md --
                ---
                title: Agua
                descripton: Tarifas del agua
                ---
                Texto con un [enlace roto](no-existe.md).
                -- content/knowledge/aire.es.md --
                ---
                title: Aire
                ---
                Texto.
                """);
        site.build();
        assertEquals(1, site.exit(), site.err());
        assertTrue(site.err().contains("no-existe.md"), site.err());
        site.build();
        assertEquals(1, site.exit(), "the broken link is reported again: " + site.err());
        edit(site, "content/knowledge/agua.es.md", "[enlace roto](no-existe.md)", "enlace arreglado");
        site.buildOk();
        assertTrue(site.err().contains("unknown front matter key 'descripton'"), site.err());
        site.buildOk();
        assertTrue(site.err().contains("unknown front matter key 'descripton'"), "the warning is given by every build: " + site.err());
        assertEquals(1, taken(site)[4], "the other source's front matter is taken; the one with a warning is parsed again");
    }

    private static final String SMALL = """
            -- content/knowledge/agua.es.md --
            ---
            title: Agua
            ---
            Tarifas del agua.
            -- content/knowledge/agua.en.md --
            ---
            title: Water
            ---
            Water tariffs.
            -- content/knowledge/aire.es.md --
            ---
            title: Aire
            ---
            Calidad del aire.
            -- content/knowledge/aire.en.md --
            ---
            title: Air
            ---
            Air quality.
            """;

    @Test
    void aSourceTakenFromTheCacheGivesItsBodyAsReadWhenItsMarkdownIsRenderedAgain() throws Exception {
        // a byte order mark and Windows line ends, as some editors save: the body is cut from the bytes only when the
        // page's Markdown is rendered again (here: a new glossary term, which every page's links depend on)
        TestSite site = TestSite.create(dir.resolve("small"), SMALL);
        Files.write(site.dir().resolve("content/knowledge/agua.es.md"), ("\uFEFF---\r\ntitle: Agua\r\n---\r\nTarifas del agua y "
                + "tarifa social.\r\n\r\nSegundo párrafo, con **negrita**.\r\n").getBytes(StandardCharsets.UTF_8));
        site.buildOk();
        site.writeFile("content/glossary/tarifa-social.es.md", "---\ntitle: Tarifa social\ndescription: Un precio menor para quien menos tiene.\n---\n\nDefinición.\n");
        site.buildOk();
        int[] t = taken(site);
        assertTrue(t[4] >= 4, "the front matter of the four pages is taken: " + site.err());
        assertTrue(t[0] < t[1], "and their Markdown is rendered again: " + site.err());
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(site.text("es/knowledge/agua/index.html"));
        assertEquals("negrita", page.selectFirst("article strong, main strong").text(), page.outerHtml());
        assertSameAsAFreshBuild(site, "a new glossary term, with a source saved with a byte order mark and CRLF");
    }

    @Test
    void aWriteThatFailsWhilePatchingTheOutputIsUndoneAndTheOutputStaysAsItWas() throws Exception {
        TestSite site = TestSite.create(dir.resolve("small"), SMALL).buildOk();
        String before = org.acervo.TreeHash.of(site.output());
        // new words: each language's search index gets new parts, and the old ones are for the patch to take away
        edit(site, "content/knowledge/aire.es.md", "Calidad del aire.", "Calidad del aire y mediciones de ozono troposférico.");
        edit(site, "content/knowledge/aire.en.md", "Air quality.", "Air quality and tropospheric ozone readings.");
        // what the patch sets the Spanish pages' old files aside in cannot be made (a file is in its way): the English
        // ones were set aside already, and come back
        Path undo = site.dir().resolve(".public.undo-" + ProcessHandle.current().pid());
        Files.createDirectories(undo);
        Files.writeString(undo.resolve("es"), "in the way");
        site.build();
        assertEquals(1, site.exit(), site.err());
        assertTrue(site.err().contains("the output was not changed"), site.err());
        assertEquals(before, org.acervo.TreeHash.of(site.output()), "the output is as it was, byte for byte");
        OutputWriter.deleteTree(undo);
        site.buildOk();
        assertTrue(taken(site)[2] > 0, "the build that follows patches the output: " + site.err());
        assertSameAsAFreshBuild(site, "a patch undone, then done");
        try (var s = Files.list(site.dir())) {
            assertEquals(List.of(".acervo", "content", "public", "site.yaml", "themes"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no journal, staging or undo folder left");
        }
    }

    @Test
    void odditiesOfTheOutputFolderArePatchedAsASwapWouldLeaveThem() throws Exception {
        TestSite site = TestSite.create(dir.resolve("small"), SMALL);
        site.writeFile("static/datos\nviejos.txt", "a file name with a line break"); // the patch journal is one path per line
        site.buildOk();
        // the output is a link to the folder that holds it, and holds things the build did not make
        Path real = dir.resolve("real-output");
        Files.move(site.output(), real);
        Files.createSymbolicLink(site.output(), real);
        site.buildOk(); // the output is elsewhere now: built anew once, in the folder the link points to
        assertTrue(Files.isSymbolicLink(site.output()), "the output is still the link");
        Files.writeString(real.resolve("stray.txt"), "put there by hand");
        Files.createDirectories(real.resolve("junk/deeper"));
        Files.createSymbolicLink(real.resolve("es/link.txt"), real.resolve("stray.txt"));
        edit(site, "content/knowledge/agua.es.md", "Tarifas del agua.", "Tarifas del agua potable.");
        site.buildOk();
        assertTrue(taken(site)[2] > 0, "the output was patched: " + site.err());
        assertTrue(Files.isSymbolicLink(site.output()), "the output is still the link");
        assertEquals("a file name with a line break", Files.readString(real.resolve("datos\nviejos.txt")));
        assertSameAsAFreshBuild(site, "a patch of an output that is a link, holds stray files and a file name with a line break");

        // a folder where the build writes a file, a stray name with a backslash, a folder of pages replaced by a link
        // to a copy elsewhere: the build makes them what a build from nothing would
        Files.delete(real.resolve("robots.txt"));
        Files.createDirectories(real.resolve("robots.txt/inside"));
        Files.writeString(real.resolve("..\\oops"), "a backslash is no separator here");
        Path elsewhere = dir.resolve("elsewhere");
        Files.move(real.resolve("en/knowledge"), elsewhere);
        Files.createSymbolicLink(real.resolve("en/knowledge"), elsewhere);
        edit(site, "content/knowledge/agua.es.md", "Tarifas del agua potable.", "Tarifas del agua potable y residual.");
        site.buildOk();
        assertSameAsAFreshBuild(site, "a folder in the way of a file, a stray backslash name and a folder replaced by a link");
        assertTrue(Files.isDirectory(elsewhere.resolve("agua")), "what the link pointed to is left alone");

        // a build that makes everything anew (a swap) replaces the folder the output links to, not the link
        site.buildOk("--fresh");
        assertTrue(Files.isSymbolicLink(site.output()), "the output is still the link");
        assertSameAsAFreshBuild(site, "a swap of an output that is a link");
    }

    @Test
    void aPageWhoseLinkLosesItsTargetIsFinishedAgainThoughItsHtmlIsTheSame() throws Exception {
        // a link written as a site path is left as written (not checked): the page's HTML stays the same when its target
        // goes, but its copy in the offline bundle must now say that the page is not there
        TestSite site = TestSite.create(dir.resolve("small"), SMALL);
        // pages about water, which are related to each other, and one about something else entirely: the page that
        // links to it does not list it among its related pages, so its HTML does not change when it goes
        for (int i = 1; i <= 6; i++) {
            site.writeFile("content/knowledge/agua-" + i + ".es.md", "---\ntitle: Agua potable " + i + "\n---\n\nTarifas, redes y medidores de agua potable, parte " + i + ".\n");
        }
        site.writeFile("content/knowledge/zz-otro.es.md", "---\ntitle: Zzyzx\n---\n\nQuokka xylophone.\n");
        edit(site, "content/knowledge/agua.es.md", "Tarifas del agua.", "Tarifas del agua; véase [otra cosa](/es/knowledge/zz-otro/).");
        site.buildOk();
        String before = site.text("es/knowledge/agua/index.html");
        Files.delete(site.dir().resolve("content/knowledge/zz-otro.es.md"));
        site.buildOk();
        assertEquals(before, site.text("es/knowledge/agua/index.html"), "the page's own HTML did not change");
        assertTrue(taken(site)[2] > 0, "the other pages are taken: " + site.err());
        assertSameAsAFreshBuild(site, "the target of a site-path link deleted");
    }

    @Test
    void aMissingUiStringIsWarnedOfByEveryBuild() throws Exception {
        TestSite site = TestSite.create(dir.resolve("small"), SMALL);
        edit(site, "content/knowledge/agua.en.md", "Water tariffs.", "Water tariffs.\n\n{{< video src=\"https://example.org/v.mp4\" >}}");
        edit(site, "themes/default/i18n/en.yaml", "watch_video: Watch the video\n", "");
        site.buildOk();
        assertTrue(site.err().contains("missing UI string 'watch_video'"), site.err());
        site.buildOk();
        assertTrue(site.err().contains("missing UI string 'watch_video'"), "the second build warns too: " + site.err());
        // asked by a layout, on pages that are otherwise taken without rendering their template
        edit(site, "themes/default/layouts/_default/single.html", "<h1>{{ page.title }}</h1>", "<h1>{{ page.title }}{{ t('layout_only_key') }}</h1>");
        site.buildOk();
        assertTrue(site.err().contains("missing UI string 'layout_only_key'"), site.err());
        site.buildOk();
        assertTrue(site.err().contains("missing UI string 'layout_only_key'"), "the second build warns too: " + site.err());
    }

    @Test
    void aBrokenCacheIsIgnoredAndReplaced() throws Exception {
        TestSite site = demoCopy("site").buildOk();
        Path cache = BuildCache.folder(site.dir());
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(cache)) {
            s.forEach(files::add);
        }
        assertTrue(files.size() >= 2, "the cache holds its files: " + files);
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            Files.write(f, java.util.Arrays.copyOf(b, b.length / 2)); // cut short, as a full disk or a killed build leaves it
        }
        site.buildOk();
        int[] t = taken(site);
        assertEquals(0, t[0], "nothing is taken from a cache cut short");
        assertEquals(0, t[2]);
        assertSameAsAFreshBuild(site, "a build over a broken cache");
        site.buildOk();
        assertTrue(taken(site)[0] > 0, "the next build has the cache again");
    }
}
