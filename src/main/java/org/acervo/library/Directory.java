package org.acervo.library;

import java.util.List;
import org.acervo.render.Views.Link;

/** What directory pages show beside their text: communities, people and what a city page gathers. */
public final class Directory {
    private Directory() {}

    /**
     * A community of practice.
     *
     * @param members     how many members it has, or -1
     * @param coordinator the coordinating city's page, or null
     * @param contact     an e-mail address or a web address, or ""
     * @param people      the public profiles of its members
     */
    public record Community(long members, Link coordinator, String contact, String contactHref, List<Link> people) {}

    /** A public member profile: role, city and community (null when not given). */
    public record Person(String role, Link city, Link community) {}

    /** Pages gathered on a city's page, per section. */
    public record Group(String title, List<Link> pages) {}
}
