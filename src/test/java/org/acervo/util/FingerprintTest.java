package org.acervo.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class FingerprintTest {
    @Test
    void partsAreToldApartWhereverTheyEnd() {
        // 'ÿ' and U+FF00 each hold a 0xFF byte, the separator's: only the lengths keep these two apart
        assertNotEquals(new Fingerprint().add("ÿ").add("").value(), new Fingerprint().add("").add("\uFF00").value());
        assertNotEquals(new Fingerprint().add("ab").add("c").value(), new Fingerprint().add("a").add("bc").value());
        assertNotEquals(new Fingerprint().add((String) null).value(), new Fingerprint().add("").value());
    }

    @Test
    void aLongTextIsReadToItsLastCharacter() {
        // longer than the chunks a text is copied in, changed in its last character only
        String text = "párrafo “con” comillas y acentos, ".repeat(1000);
        assertNotEquals(Fingerprint.of(text + "a"), Fingerprint.of(text + "b"));
        assertEquals(Fingerprint.of(text + "a"), Fingerprint.of(new String(text + "a")));
    }

    @Test
    void aTextBeingBuiltPrintsAsTheTextItHolds() {
        StringBuilder b = new StringBuilder("puertas ").append("abiertas ").append("😀");
        assertEquals(new Fingerprint().add(b.toString()).value(), new Fingerprint().add(b).value());
    }
}
