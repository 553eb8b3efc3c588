package org.acervo.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.acervo.render.Views;
import org.junit.jupiter.api.Test;

/** Prints of template data: equal values print the same, any difference a template could show prints differently. */
class ValuePrintTest {
    private static Views.Link link(String label, String path) {
        return new Views.Link(label, path);
    }

    private static String print(Object v) {
        return new ValuePrint().of(v).orElseThrow(() -> new AssertionError("no print for " + v));
    }

    @Test
    void equalValuesMadeApartPrintTheSame() {
        Object a = List.of(link("Agua", "/es/agua/"), Map.of("k", List.of(1, 2L)), Optional.of("x"), ZonedDateTime.parse("2026-03-01T10:00-06:00"));
        Object b = List.of(new Views.Link("Agua", "/es/" + "agua/"), Map.of("k", new ArrayList<>(List.of(1, 2L))), Optional.of("x"),
                ZonedDateTime.parse("2026-03-01T10:00-06:00"));
        assertEquals(print(a), print(b));
    }

    @Test
    void anyDifferenceATemplateCouldShowPrintsDifferently() {
        List<Object> values = List.of(
                link("Agua", "/es/agua/"), link("Agua", "/es/agua"), link("Agu", "a/es/agua/"), link(null, "/es/agua/"), link("", "/es/agua/"),
                List.of("a", "b"), List.of("b", "a"), List.of("ab"), List.of(List.of("a"), "b"),
                1, 1L, "1", true, "true", Optional.empty(), Optional.of(""), List.of(), Map.of(), Set.of(),
                "doors?", "doors\uD83D", // a lone surrogate is not the '?' UTF-8 writes for it
                ZonedDateTime.parse("2026-03-01T10:00-06:00"), ZonedDateTime.parse("2026-03-01T10:00-05:00"),
                new LinkedHashMap<>(Map.of("a", 1)), orderedMap("a", "b"), orderedMap("b", "a"));
        Set<String> prints = new HashSet<>();
        for (Object v : values) assertTrue(prints.add(print(v)), "a print of its own: " + v);
    }

    private static Map<String, Integer> orderedMap(String first, String second) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put(first, 1);
        m.put(second, 2);
        return m;
    }

    @Test
    void mapsAndSetsWithoutAnOrderPrintTheSameWhateverTheirOrder() {
        // Map.copyOf's order changes from one run of Java to the next; the prints of its entries do not
        Map<String, Integer> a = new LinkedHashMap<>();
        Map<String, Integer> b = new LinkedHashMap<>();
        IntStream.range(0, 40).forEach(i -> a.put("k" + i, i));
        IntStream.range(0, 40).map(i -> 39 - i).forEach(i -> b.put("k" + i, i));
        assertNotEquals(print(a), print(b), "an ordered map is printed in its order, which a template iterating it shows");
        assertEquals(print(Map.copyOf(a)), print(Map.copyOf(b)));
        assertEquals(print(Set.copyOf(a.keySet())), print(Set.copyOf(b.keySet())));
        assertNotEquals(print(Map.copyOf(a)), print(Map.copyOf(Map.of("k0", 0))));
    }

    @Test
    void aValueOfAnotherKindHasNoPrint() {
        ValuePrint prints = new ValuePrint();
        assertEquals(Optional.empty(), prints.of(new Object()));
        assertEquals(Optional.empty(), prints.of(List.of(link("a", "b"), new StringBuilder("mutable"))));
        assertEquals(Optional.empty(), prints.of(Map.of("k", new java.io.File("x"))));
        List<Object> deep = new ArrayList<>();
        deep.add(deep); // a list that holds itself
        assertEquals(Optional.empty(), prints.of(deep));
    }

    @Test
    void aLargeCollectionSharedByManyValuesIsPrintedOnceAndStillTellsEditsApart() {
        ValuePrint prints = new ValuePrint();
        List<Views.Link> terms = new ArrayList<>();
        for (int i = 0; i < ValuePrint.SHARED * 3; i++) terms.add(link("term " + i, "/es/tags/t" + i + "/"));
        List<Views.Link> shared = List.copyOf(terms);
        String one = prints.of(List.of("page one", shared)).orElseThrow();
        assertNotEquals(one, prints.of(List.of("page two", shared)).orElseThrow());
        assertEquals(one, prints.of(List.of("page one", List.copyOf(terms))).orElseThrow(), "a copy prints as the list it copies");
        terms.set(7, link("term seven", "/es/tags/t7/"));
        assertNotEquals(one, prints.of(List.of("page one", List.copyOf(terms))).orElseThrow(), "one term changed");
    }

    @Test
    void recordsOfASharedClassArePrintedOnceAndStillTellEditsApart() {
        ValuePrint prints = new ValuePrint(Set.of(Views.Link.class));
        Views.Link shared = link("Agua", "/es/agua/");
        String one = prints.of(List.of(shared, "page one")).orElseThrow();
        assertEquals(one, prints.of(List.of(shared, "page one")).orElseThrow());
        assertEquals(one, prints.of(List.of(link("Agua", "/es/agua/"), "page one")).orElseThrow(), "an equal record made apart");
        assertNotEquals(one, prints.of(List.of(link("Agua", "/es/aguas/"), "page one")).orElseThrow());
    }
}
