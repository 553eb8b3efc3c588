package org.acervo.light;

import java.util.List;

/**
 * What a browser downloads to show one page: the page itself and the style sheets, scripts,
 * images and icon it names. {@code wire} is what travels: gzip for text, the file for images.
 *
 * @param page output file of the page ({@code es/conocimiento/agua/index.html})
 * @param kind the page's {@code data-kind} (home, section, single...)
 */
public record PageWeight(String page, String kind, List<Part> parts) {
    public PageWeight {
        parts = List.copyOf(parts);
    }

    /** One file of a page. */
    public record Part(String path, Type type, long raw, long wire) {}

    public enum Type { HTML, CSS, JS, IMAGE, ICON }

    public long wire(Type type) {
        return parts.stream().filter(p -> p.type() == type).mapToLong(Part::wire).sum();
    }

    public long raw(Type type) {
        return parts.stream().filter(p -> p.type() == type).mapToLong(Part::raw).sum();
    }

    /** HTML and CSS, gzip: what must arrive before the first paint of a text page. */
    public long textWire() {
        return wire(Type.HTML) + wire(Type.CSS);
    }

    public long totalWire() {
        return parts.stream().mapToLong(Part::wire).sum();
    }

    public long totalRaw() {
        return parts.stream().mapToLong(Part::raw).sum();
    }

    public boolean hasImages() {
        return parts.stream().anyMatch(p -> p.type() == Type.IMAGE);
    }

    /** The heaviest file after the page itself, if any. */
    public java.util.Optional<Part> heaviestResource() {
        return parts.stream().filter(p -> p.type() != Type.HTML).max(java.util.Comparator.comparingLong(Part::wire));
    }
}
