package org.acervo.model;

/** A heading of a page's body, for tables of contents and the search index. */
public record Heading(int level, String id, String text) {}
