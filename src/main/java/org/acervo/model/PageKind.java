package org.acervo.model;

/** What an output page is; {@link #hook()} is the value of {@code <body data-kind>} in every theme. */
public enum PageKind {
    HOME("home"), SECTION("section"), TAXONOMY("taxonomy"), TERM("term"), SINGLE("single"), SEARCH("search"), NOT_FOUND("404");

    private final String hook;

    PageKind(String hook) {
        this.hook = hook;
    }

    public String hook() {
        return hook;
    }
}
