package org.acervo.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.acervo.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The knowledge library's own content on one small bilingual site built with the real
 * command line: two audiences and collections, events and proceedings with .ics files,
 * downloads, directories and the newsletter.
 */
class LibraryFeaturesTest {
    static final String BASE = "https://biblioteca.example.org/";
    static final String SITE = """
            -- content/knowledge/_index.es.md --
            ---
            title: Conocimiento
            slug: conocimiento
            collectionTitle: Servicios básicos
            collection: [agua.md, transporte.md, residuos.md]
            ---
            -- content/knowledge/_index.en.md --
            ---
            title: Knowledge
            collection: [agua.md, transporte.md, residuos.md]
            ---
            -- content/knowledge/agua.es.md --
            ---
            title: Gestión del agua
            audience: [policy, practice]
            ---
            Introducción.

            ## Para responsables de políticas {#policy}

            Por qué importa.

            ## Para profesionales {#practice}

            Cómo se hace.
            -- content/knowledge/agua.en.md --
            ---
            title: Water management
            audience: [policy, practice]
            ---
            ## For policy makers {#policy}

            Why it matters.

            ## For practitioners {#practice}

            How it is done.
            -- content/knowledge/transporte.es.md --
            ---
            title: Transporte público
            audience: [practice]
            ---
            Rutas.
            -- content/knowledge/residuos.es.md --
            ---
            title: Residuos sólidos
            audience: [policy]
            ---
            Tarifas.
            -- content/events/_index.es.md --
            ---
            title: Eventos
            slug: eventos
            ---
            -- content/events/futuro.es.md --
            ---
            title: "Encuentro regional; transporte, agua y riesgo"
            description: "Tres días de trabajo, con visitas de campo."
            startDate: 2099-05-12
            endDate: 2099-05-14
            city: managua
            ---
            Programa.
            -- content/events/hora.es.md --
            ---
            title: Llamada de coordinación
            startDate: 2099-06-01T09:00:00-06:00
            endDate: 2099-06-01T10:30:00-06:00
            ---
            Una hora.
            -- content/events/pasado.es.md --
            ---
            title: Encuentro de 2001
            startDate: 2001-02-01
            ---
            Ya pasó.
            -- content/workshops/_index.es.md --
            ---
            title: Talleres
            slug: talleres
            ---
            -- content/workshops/taller/index.es.md --
            ---
            title: Taller de Managua
            startDate: 2002-01-24
            endDate: 2002-01-25
            city: managua
            participants: 33
            agenda:
              - {time: "08:30", title: "Bienvenida"}
              - {time: "09:00", title: "Presentaciones"}
              - {time: "16:00", title: "Cierre"}
            presentations:
              - {title: "Laderas después del Mitch", file: laderas.pdf, speaker: "José Barahona"}
            ---
            Memoria del taller.
            -- content/webinars/_index.es.md --
            ---
            title: Seminarios web
            slug: seminarios-web
            ---
            -- content/webinars/tarifas/index.es.md --
            ---
            title: Seminario sobre tarifas
            startDate: 2025-09-18
            speakers: ["Marta Quintanilla", "Héctor Sosa"]
            recording: {url: "https://media.example.org/tarifas.mp4", bytes: 187050000, duration: "58 min"}
            audio: {url: "https://media.example.org/tarifas.mp3", bytes: 27840000}
            slides: tarifas.pdf
            poster: portada.png
            ---
            Resumen del seminario.
            -- content/minutes/_index.es.md --
            ---
            title: Actas
            slug: actas
            ---
            -- content/minutes/octubre.es.md --
            ---
            title: Acta de octubre
            date: 2026-10-08
            attendees: ["Ana Ferrer (La Habana)", "José Barahona (Tegucigalpa)"]
            ---
            Acuerdos.
            -- content/manuals/_index.es.md --
            ---
            title: Manuales
            slug: manuales
            ---
            -- content/manuals/guia/index.es.md --
            ---
            title: Guía de mapas de riesgo
            ---
            [Descargar la guía (PDF)](guia.pdf)
            -- content/documents/_index.es.md --
            ---
            title: Biblioteca de documentos
            slug: documentos
            ---
            -- content/communities/_index.es.md --
            ---
            title: Comunidades
            slug: comunidades
            ---
            -- content/communities/agua.es.md --
            ---
            title: Comunidad de saneamiento
            coordinator: managua
            members: 12
            contact: saneamiento@example.org
            ---
            Quiénes somos.
            -- content/cities/_index.es.md --
            ---
            title: Ciudades
            slug: ciudades
            ---
            -- content/cities/managua.es.md --
            ---
            title: Managua
            cities: [managua]
            ---
            Capital de Nicaragua.
            -- content/knowledge/laderas.es.md --
            ---
            title: Estabilización de laderas
            cities: [managua]
            ---
            Obras.
            -- content/organisations/banco.es.md --
            ---
            title: Banco de Desarrollo
            ---
            Socio.
            -- content/acerca.es.md --
            ---
            title: Acerca de la red
            organisations: [banco]
            ---
            Historia.
            -- content/people/_index.es.md --
            ---
            title: Personas
            slug: personas
            ---
            -- content/people/ana.es.md --
            ---
            title: Ana Ferrer
            role: Arquitecta
            city: managua
            community: agua
            public: true
            ---
            Perfil público.
            -- content/people/luis.es.md --
            ---
            title: Luis Privado
            city: managua
            community: agua
            public: false
            ---
            Perfil no público.
            -- content/people/sinpermiso.es.md --
            ---
            title: Sofía Sinpermiso
            city: managua
            community: agua
            ---
            Perfil sin consentimiento.
            -- content/newsletter/_index.es.md --
            ---
            title: Boletín
            slug: boletin
            ---
            -- content/newsletter/2026-q3.es.md --
            ---
            title: Boletín de julio a septiembre
            date: 2026-10-06
            ---
            ## En este número

            Lea [la gestión del agua](../knowledge/agua.md) y la [guía](../manuals/guia/index.md).
            """;

    @TempDir
    static Path shared;
    static TestSite site;

    @BeforeAll
    static void build() {
        site = TestSite.create(shared, SITE + "-- site.yaml --\n" + TestSite.DEFAULT_CONFIG + "baseURL: " + BASE + "\n");
        site.writeBytes("content/workshops/taller/laderas.pdf", new byte[64_000]);
        site.writeBytes("content/webinars/tarifas/tarifas.pdf", new byte[1_500_000]);
        site.writeBytes("content/webinars/tarifas/portada.png", new byte[900]);
        site.writeBytes("content/manuals/guia/guia.pdf", new byte[2_500_000]);
        site.buildOk();
    }

    /** The page a relative link on {@code from} (an output file) leads to, as an output file. */
    static String target(String from, String href) {
        Path p = Path.of(from).getParent().resolve(href.replaceAll("[#?].*$", "")).normalize();
        String s = p.toString().replace('\\', '/');
        return href.endsWith("/") || href.isEmpty() || href.equals("./") ? s + "/index.html" : s;
    }

    @Test
    void everyLinkTheLibraryAddsLeadsSomewhere() {
        assertEquals(List.of(), org.acervo.LinkAudit.problems(site.output()));
    }

    // ---- two audiences ---------------------------------------------------------------------

    @Test
    void knowledgeObjectOffersBothAudienceViewsWithoutJavaScript() {
        Document es = site.html("es/conocimiento/agua/index.html");
        Element nav = es.selectFirst("nav[data-audience-nav]");
        assertNotNull(nav, "jump-to navigation");
        assertEquals(List.of("#policy", "#practice"), nav.select("a").eachAttr("href"));
        assertNotNull(es.selectFirst("h2#policy"));
        assertNotNull(es.selectFirst("h2#practice"));
        assertTrue(es.select("script").isEmpty() || es.select("nav[data-audience-nav] ~ script").isEmpty());
        assertNotNull(site.html("en/knowledge/agua/index.html").selectFirst("nav[data-audience-nav] a[href=#practice]"));
        assertNull(site.html("es/conocimiento/transporte/index.html").selectFirst("nav[data-audience-nav]"),
                "a page without audience sections gets no jump-to links");
    }

    @Test
    void knowledgeListCanBeNarrowedByAudience() {
        String from = "es/conocimiento/index.html";
        Document list = site.html(from);
        Element filter = list.selectFirst("nav[data-audience-filter]");
        assertNotNull(filter);
        Element policy = filter.select("a").stream().filter(a -> a.attr("href").contains("policy")).findFirst().orElseThrow();
        Document term = site.html(target(from, policy.attr("href")));
        List<String> titles = term.select("main ul.items > li > a").eachText();
        assertTrue(titles.contains("Gestión del agua"), titles.toString());
        assertTrue(titles.contains("Residuos sólidos"), titles.toString());
        assertFalse(titles.contains("Transporte público"), titles.toString());
    }

    // ---- collections -------------------------------------------------------------------------

    @Test
    void collectionIsAGuidedPathWithPreviousAndNext() {
        Document list = site.html("es/conocimiento/index.html");
        assertEquals(List.of("Gestión del agua", "Transporte público", "Residuos sólidos"),
                list.select("[data-collection-list] ol a").eachText());
        String from = "es/conocimiento/transporte/index.html";
        Element nav = site.html(from).selectFirst("nav.guided-path");
        assertNotNull(nav);
        assertTrue(nav.selectFirst("[data-step]").text().contains("2"), nav.text());
        assertTrue(nav.selectFirst("[data-step]").text().contains("3"), nav.text());
        assertEquals("es/conocimiento/agua/index.html", target(from, nav.selectFirst("a[rel=prev]").attr("href")));
        assertEquals("es/conocimiento/residuos/index.html", target(from, nav.selectFirst("a[rel=next]").attr("href")));
        Element first = site.html("es/conocimiento/agua/index.html").selectFirst("nav.guided-path");
        assertNull(first.selectFirst("a[rel=prev]"));
        Element last = site.html("es/conocimiento/residuos/index.html").selectFirst("nav.guided-path");
        assertNull(last.selectFirst("a[rel=next]"));
        // the English path falls back to the Spanish pages that have no translation
        Element en = site.html("en/knowledge/agua/index.html").selectFirst("nav.guided-path a[rel=next]");
        assertEquals("es/conocimiento/transporte/index.html", target("en/knowledge/agua/index.html", en.attr("href")));
    }

    @Test
    void collectionMemberThatDoesNotExistIsAnErrorAtItsLine(@TempDir Path dir) {
        TestSite bad = TestSite.create(dir, """
                -- content/knowledge/_index.es.md --
                ---
                title: Conocimiento
                collection:
                  - agua.md
                  - agau.md
                ---
                -- content/knowledge/agua.es.md --
                ---
                title: Agua
                ---
                Texto.
                """).build();
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("content/knowledge/_index.es.md:3:"), bad.err());
        assertTrue(bad.err().contains("agau.md"), bad.err());
    }

    // ---- events --------------------------------------------------------------------------------

    @Test
    void eventsAreSplitIntoUpcomingAndPast() {
        Document events = site.html("es/eventos/index.html");
        List<String> upcoming = events.select("[data-upcoming] li > a:first-child").eachText();
        List<String> past = events.select("[data-past] li > a:first-child").eachText();
        assertEquals(List.of("Encuentro regional; transporte, agua y riesgo", "Llamada de coordinación"), upcoming);
        assertTrue(past.containsAll(List.of("Encuentro de 2001", "Taller de Managua", "Seminario sobre tarifas")), past.toString());
        assertFalse(past.contains("Llamada de coordinación"));
        assertTrue(site.html("es/talleres/index.html").select("[data-upcoming] li").isEmpty());
        assertEquals(List.of("Taller de Managua"), site.html("es/talleres/index.html").select("[data-past] li > a:first-child").eachText());
    }

    /** Unfolds an iCalendar text after checking RFC 5545 framing: CRLF and at most 75 octets per line. */
    static List<String> icsLines(String raw) {
        assertTrue(raw.endsWith("\r\n"));
        String[] physical = raw.split("\r\n", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < physical.length - 1; i++) {
            String l = physical[i];
            assertFalse(l.contains("\n") || l.contains("\r"), "bare line break in " + l);
            assertTrue(l.getBytes(StandardCharsets.UTF_8).length <= 75, "longer than 75 octets: " + l);
            if (l.startsWith(" ")) out.set(out.size() - 1, out.get(out.size() - 1) + l.substring(1));
            else out.add(l);
        }
        return out;
    }

    @Test
    void upcomingEventHasAnIcsFileOfAllDayDates() throws Exception {
        String page = "es/eventos/futuro/index.html";
        Element link = site.html(page).selectFirst("a[data-ics]");
        assertNotNull(link);
        String file = target(page, link.attr("href"));
        List<String> lines = icsLines(Files.readString(site.output().resolve(file), StandardCharsets.UTF_8));
        assertEquals("BEGIN:VCALENDAR", lines.get(0));
        assertEquals("END:VCALENDAR", lines.get(lines.size() - 1));
        assertTrue(lines.contains("VERSION:2.0"));
        assertTrue(lines.contains("BEGIN:VEVENT") && lines.contains("END:VEVENT"));
        assertTrue(lines.contains("DTSTART;VALUE=DATE:20990512"), lines.toString());
        assertTrue(lines.contains("DTEND;VALUE=DATE:20990515"), "the end date is exclusive: " + lines);
        assertTrue(lines.contains("SUMMARY:Encuentro regional\\; transporte\\, agua y riesgo"), lines.toString());
        assertTrue(lines.contains("LOCATION:Managua"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("DTSTAMP:") && l.matches("DTSTAMP:\\d{8}T\\d{6}Z")), lines.toString());
        assertTrue(lines.contains("URL:" + BASE + "es/eventos/futuro/"), lines.toString());
        String uid = lines.stream().filter(l -> l.startsWith("UID:")).findFirst().orElseThrow();
        assertTrue(uid.endsWith("@biblioteca.example.org"), uid);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("DESCRIPTION:Tres días de trabajo\\, con visitas de campo.\\n")), lines.toString());
        // the same event is written the same way in a second build: the UID is stable
        String again = Files.readString(site.output().resolve(file), StandardCharsets.UTF_8);
        assertTrue(again.contains(uid));
    }

    @Test
    void timedEventIsWrittenInUtcAndPastEventsHaveNoIcs() throws Exception {
        List<String> lines = icsLines(Files.readString(site.output().resolve("es/eventos/hora/hora.ics"), StandardCharsets.UTF_8));
        assertTrue(lines.contains("DTSTART:20990601T150000Z"), lines.toString());
        assertTrue(lines.contains("DTEND:20990601T163000Z"), lines.toString());
        assertFalse(site.exists("es/eventos/pasado/pasado.ics"));
        assertNull(site.html("es/eventos/pasado/index.html").selectFirst("a[data-ics]"));
    }

    @Test
    void icsFoldsLongLinesAtOctetsWithoutSplittingCharacters() {
        StringBuilder b = new StringBuilder();
        IcsWriter.line(b, "SUMMARY:" + "ñ".repeat(100));
        List<String> lines = icsLines(b.toString());
        assertEquals(List.of("SUMMARY:" + "ñ".repeat(100)), lines);
        assertTrue(b.toString().split("\r\n").length > 2);
    }

    @Test
    void downloadsMayMixFileNamesAndTitledFilesAsTheReadmeShows(@TempDir Path dir) {
        TestSite mixed = TestSite.create(dir, """
                -- content/knowledge/_index.es.md --
                ---
                title: Conocimiento
                ---
                -- content/manuals/_index.es.md --
                ---
                title: Manuales
                ---
                -- content/manuals/agua/index.es.md --
                ---
                title: Agua
                downloads: [{title: "Manual (PDF)", file: manual.pdf}, anexo.docx]
                ---
                """);
        mixed.writeBytes("content/manuals/agua/manual.pdf", new byte[2000]);
        mixed.writeBytes("content/manuals/agua/anexo.docx", new byte[3000]);
        mixed.buildOk();
        Document page = mixed.html("es/manuals/agua/index.html");
        List<String> bytes = new ArrayList<>();
        for (Element a : page.select("a[data-download][data-bytes]")) bytes.add(a.attr("href") + " " + a.attr("data-bytes"));
        assertTrue(bytes.contains("manual.pdf 2000") && bytes.contains("anexo.docx 3000"), bytes.toString());
    }

    @Test
    void eventDateOfTheWrongTypeIsAnErrorAtItsLine(@TempDir Path dir) {
        TestSite bad = TestSite.create(dir, """
                -- content/events/malo.es.md --
                ---
                title: Evento
                startDate: mañana
                participants: muchos
                ---
                Texto.
                -- content/knowledge/a.es.md --
                ---
                title: A
                ---
                """).build();
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("content/events/malo.es.md:3:1: 'startDate' must be a date, not 'mañana'"), bad.err());
        assertTrue(bad.err().contains("content/events/malo.es.md:4:1: 'participants' must be a whole number"), bad.err());
    }

    @Test
    void workshopShowsAgendaParticipantsCityAndPresentations() {
        String page = "es/talleres/taller/index.html";
        Document d = site.html(page);
        assertEquals(3, d.select("table[data-agenda] tr").size());
        assertTrue(d.selectFirst("[data-event] .when").text().contains("33"));
        assertEquals("es/ciudades/managua/index.html", target(page, d.selectFirst("[data-event] a[data-city]").attr("href")));
        Element pres = d.selectFirst("[data-downloads] a[data-download]");
        assertEquals("64000", pres.attr("data-bytes"));
        assertEquals("PDF", pres.attr("data-download"));
        assertTrue(site.exists(target(page, pres.attr("href"))));
        assertTrue(pres.parent().text().contains("José Barahona"));
    }

    @Test
    void webinarHasNoPlayerButLinksWithSizesAndAnAudioVersion() {
        Document d = site.html("es/seminarios-web/tarifas/index.html");
        assertTrue(d.select("iframe, video, audio, embed, object").isEmpty());
        Element rec = d.selectFirst("[data-recording] a[data-media=video]");
        assertEquals("https://media.example.org/tarifas.mp4", rec.attr("href"));
        assertEquals("187050000", rec.attr("data-bytes"));
        assertTrue(rec.parent().text().contains("187") && rec.parent().text().contains("MB"), rec.parent().text());
        assertTrue(rec.parent().text().contains("58 min"), rec.parent().text());
        Element audio = d.selectFirst("[data-recording] a[data-media=audio]");
        assertEquals("27840000", audio.attr("data-bytes"));
        Element poster = d.selectFirst("[data-recording] img");
        assertNotNull(poster);
        assertTrue(Integer.parseInt(poster.attr("width")) <= 400);
        assertEquals("1500000", d.selectFirst("[data-downloads] a[href$=tarifas.pdf]").attr("data-bytes"));
    }

    @Test
    void minutesListTheirAttendees() {
        Document d = site.html("es/actas/octubre/index.html");
        assertEquals(2, d.select("[data-attendees] li").size());
    }

    // ---- downloads -----------------------------------------------------------------------------

    @Test
    void downloadLinksInTheTextCarryTypeSizeAndTimeAt256kbits() {
        Document d = site.html("es/manuales/guia/index.html");
        Element a = d.selectFirst(".content a[data-download][data-bytes]");
        assertNotNull(a);
        assertEquals("2500000", a.attr("data-bytes"));
        assertEquals("PDF", a.attr("data-download"));
        // 2,500,000 bytes = 20,000,000 bits; at 256,000 bit/s that is 78 s, shown as about one minute
        String label = a.nextElementSibling().text();
        assertTrue(label.contains("2,5 MB"), label);
        assertTrue(label.contains(" 1 min") && label.contains("256 kbit/s"), label);
        assertTrue(site.html("es/seminarios-web/tarifas/index.html").select("a[data-download]").stream()
                .allMatch(x -> x.hasAttr("data-bytes")));
    }

    @Test
    void documentLibraryListsEveryDownloadWithTypeSizeAndTime() {
        Document d = site.html("es/documentos/index.html");
        List<String> bytes = d.select("[data-document-library] a[data-download]").eachAttr("data-bytes");
        assertTrue(bytes.containsAll(List.of("2500000", "64000", "1500000")), bytes.toString());
        Element row = d.select("[data-document-library] tr").stream().filter(r -> r.text().contains("Laderas")).findFirst().orElseThrow();
        assertTrue(row.text().contains("PDF") && row.text().contains("64 KB") && row.text().contains("menos de 1 min"), row.text());
    }

    @Test
    void downloadOfAMissingFileIsAnErrorAtItsLine(@TempDir Path dir) {
        TestSite bad = TestSite.create(dir, """
                -- content/workshops/t/index.es.md --
                ---
                title: Taller
                startDate: 2002-01-24
                presentations:
                  - {title: "Informe", file: informe.pdf}
                slides: diapositivas.pdf
                ---
                Texto.
                """).build();
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("content/workshops/t/index.es.md:4:"), bad.err());
        assertTrue(bad.err().contains("informe.pdf"), bad.err());
        assertTrue(bad.err().contains("content/workshops/t/index.es.md:6:"), bad.err());
    }

    // ---- directories ---------------------------------------------------------------------------

    @Test
    void communityShowsMembersCoordinatorAndContact() {
        String page = "es/comunidades/agua/index.html";
        Document d = site.html(page);
        assertEquals("12", d.selectFirst("[data-members]").text());
        assertEquals("es/ciudades/managua/index.html", target(page, d.selectFirst("a[data-coordinator]").attr("href")));
        assertEquals("mailto:saneamiento@example.org", d.selectFirst("a[data-contact]").attr("href"));
        assertEquals(List.of("Ana Ferrer"), d.select("[data-community] dd a[href*=personas]").eachText());
    }

    @Test
    void cityPageGathersItsContent() {
        List<String> gathered = site.html("es/ciudades/managua/index.html").select("[data-gathered] a").eachText();
        assertTrue(gathered.containsAll(List.of("Estabilización de laderas", "Taller de Managua", "Comunidad de saneamiento",
                "Ana Ferrer", "Encuentro regional; transporte, agua y riesgo")), gathered.toString());
        assertFalse(gathered.contains("Managua"));
    }

    @Test
    void organisationPageGathersThePagesThatNameIt() {
        assertEquals(List.of("Acerca de la red"), site.html("es/organisations/banco/index.html").select("[data-gathered] a").eachText());
    }

    @Test
    void privateProfilesAreNotPublishedAnywhere() throws Exception {
        assertTrue(site.exists("es/personas/ana/index.html"));
        assertFalse(site.exists("es/personas/luis/index.html"));
        assertFalse(site.exists("es/personas/sinpermiso/index.html"));
        for (String f : site.files()) {
            if (!f.endsWith(".html") && !f.endsWith(".xml") && !f.endsWith(".json")) continue;
            String text = Files.readString(site.output().resolve(f), StandardCharsets.UTF_8);
            assertFalse(text.contains("Luis Privado") || text.contains("/luis/"), "private profile in " + f);
            assertFalse(text.contains("Sinpermiso") || text.contains("sinpermiso"), "profile without consent in " + f);
        }
        Document person = site.html("es/personas/ana/index.html");
        assertEquals("Arquitecta", person.selectFirst("[data-person] dd").text());
    }

    // ---- newsletter ------------------------------------------------------------------------------

    @Test
    void newsletterIssueHasAFeedAndAnEmailVersionWithAbsoluteLinks() {
        Document feed = Jsoup.parse(site.text("es/boletin/index.xml"), "", org.jsoup.parser.Parser.xmlParser());
        assertEquals(List.of("Boletín de julio a septiembre"), feed.select("entry > title").eachText());
        Document page = site.html("es/boletin/2026-q3/index.html");
        assertNotNull(page.selectFirst("a[data-email-version]"));
        Document mail = site.html("es/boletin/2026-q3/email.html");
        assertTrue(mail.select("link, script, style, iframe").isEmpty());
        for (Element e : mail.select("body p, body h1, body h2, body a, body li")) assertTrue(e.hasAttr("style"), e.outerHtml());
        List<String> hrefs = mail.select("a[href]").eachAttr("href");
        assertTrue(hrefs.contains(BASE + "es/conocimiento/agua/"), hrefs.toString());
        assertTrue(hrefs.stream().allMatch(h -> h.startsWith("https://") || h.startsWith("mailto:")), hrefs.toString());
        assertTrue(mail.select("[src]").eachAttr("src").stream().allMatch(s -> s.startsWith(BASE)));
    }

    @Test
    void emailVersionWithoutBaseUrlHasRelativeLinksThatWork(@TempDir Path dir) {
        TestSite s = TestSite.create(dir, """
                -- content/newsletter/n1.es.md --
                ---
                title: Número uno
                ---
                Vea [el agua](../knowledge/agua.md).
                -- content/knowledge/agua.es.md --
                ---
                title: Agua
                ---
                Texto.
                """).buildOk();
        String file = "es/newsletter/n1/email.html";
        Document mail = s.html(file);
        for (String href : mail.select("a[href]").eachAttr("href")) {
            assertFalse(href.startsWith("/") || href.startsWith("http"), href);
            assertTrue(s.exists(target(file, href)), href + " from " + file);
        }
    }
}
