package org.acervo.light;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The quick resolution of a page's relative addresses gives what full URI resolution gives, wherever it answers. */
class LocalPathTest {
    private static final List<String> PAGES = List.of("index.html", "404.html", "es/index.html", "es/conocimiento/agua/index.html",
            "en/knowledge/page/2/index.html", "es/boletin/2026-q3/email.html");
    private static final List<String> ADDRESSES = List.of("./", ".", "..", "../", "../..", "../../", "../../../../../x.css", "agua/",
            "agua", "manual.pdf", "./manual.pdf", "../assets/style.1a2b.css", "../../en/knowledge/agua/", "a/./b/../c/",
            "x/..", "x/.", "../index.html#top", "../?q=agua", "search/index.js?v=2", "a~b_c-d.e/", "../../../../../../../",
            "a/b/c/d/e/f/../../../g.png");

    @Test
    void quickPathAgreesWithUriResolution() {
        int compared = 0;
        for (String page : PAGES) {
            for (String address : ADDRESSES) {
                Optional<String> quick = PageImages.plainPath(page, address);
                assertNotNull(quick, address + " is plain and must be resolved without URIs");
                assertEquals(PageImages.viaUri(page, address), quick, address + " on " + page);
                compared++;
            }
        }
        assertEquals(PAGES.size() * ADDRESSES.size(), compared);
    }

    @Test
    void escapedOrUnusualAddressesTakeTheFullRoute() {
        for (String address : List.of("caf%C3%A9/", "a b.png", "a//b", "?q=1", "año/", "a+b.pdf")) {
            assertNull(PageImages.plainPath("es/x/index.html", address), address);
        }
        assertEquals(Optional.of("es/x/café/"), PageImages.localPath("es/x/index.html", "caf%C3%A9/"));
        assertEquals(Optional.of("es/x/a b.png"), PageImages.localPath("es/x/index.html", "a%20b.png"));
        assertEquals(Optional.empty(), PageImages.localPath("es/x/index.html", "https://example.org/a/"));
        assertEquals(Optional.empty(), PageImages.localPath("es/x/index.html", "mailto:ana@example.org"));
        assertEquals(Optional.empty(), PageImages.localPath("es/x/index.html", "/es/"));
    }
}
