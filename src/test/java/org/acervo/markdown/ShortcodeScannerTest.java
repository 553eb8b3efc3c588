package org.acervo.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShortcodeScannerTest {
    @Test
    void findsShortcodesWithQuotedArguments() {
        List<ShortcodeScanner.Found> found = ShortcodeScanner.scan("a {{< figure src=\"x.png\" caption=\"a >}} b\" >}} c {{% note %}}hi{{% /note %}}");
        assertEquals(List.of("figure", "note"), found.stream().map(ShortcodeScanner.Found::name).toList());
        assertEquals("a >}} b", found.get(0).named().get("caption"));
        assertEquals("hi", found.get(1).inner());
    }

    @Test
    void longUnclosedTagsAndArgumentsDoNotOverflowTheStack() {
        String text = "{{< note " + "a".repeat(200_000) + "\n" + "{{< x title=\"" + "b".repeat(200_000) + "\" >}}";
        List<ShortcodeScanner.Found> found = ShortcodeScanner.scan(text);
        assertEquals(List.of(), found.stream().filter(f -> f.name().equals("note")).toList());
    }
}
