package org.acervo.content;

/**
 * A source file read and split: its front matter and its Markdown body.
 *
 * @param bodyLine the file line on which the body starts (1-based), to report body problems
 */
public record ParsedSource(SourceFile source, FrontMatter meta, String body, int bodyLine) {}
