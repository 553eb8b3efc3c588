package org.acervo.config;

/** The organisation hosting the site this season (the cities take turns); shown in the footer. */
public record Organisation(String name, String url) {}
