package org.acervo.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SlugsTest {
    @Test
    void decodePathReadsEscapesAsUtf8AndAnyOtherPercentAsAPercentSign() {
        assertEquals("informe 2024.pdf", Slugs.decodePath("informe%202024.pdf"));
        assertEquals("gestión/año.pdf", Slugs.decodePath("gesti%C3%B3n/a%C3%B1o.pdf"), "two-byte characters, escapes side by side");
        assertEquals("informe-100%.pdf", Slugs.decodePath("informe-100%.pdf"));
        assertEquals("50%", Slugs.decodePath("50%"), "a percent sign at the end");
        assertEquals("a%2", Slugs.decodePath("a%2"), "an escape cut short");
        assertEquals("%zz and 100%", Slugs.decodePath("%zz and 100%25"));
        assertEquals("%٣٤", Slugs.decodePath("%٣٤"), "only ASCII hex digits make an escape");
        assertEquals("a+b", Slugs.decodePath("a+b"), "a plus is a plus in a path");
        assertEquals("plain/path.md", Slugs.decodePath("plain/path.md"));
    }
}
