package org.acervo.library;

import java.util.List;
import org.acervo.render.Views.Link;

/**
 * A curated, ordered sequence of knowledge objects defined in a page's front matter
 * ({@code collection: [agua.md, ...]}), read as a guided path.
 *
 * @param path    site path of the page that defines it
 * @param members the pages in the editor's order
 */
public record CollectionPath(String title, String path, List<Link> members) {

    /** Where one page stands in a collection: its position and its neighbours (null at the ends). */
    public record Step(String title, String path, int position, int total, Link previous, Link next) {}
}
