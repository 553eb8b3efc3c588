package org.acervo.library;

import java.util.List;
import org.acervo.content.ParsedSource;
import org.acervo.content.SourceFile;

/**
 * Keeps member profiles private unless their owner agreed: a page in {@code people/} is
 * published only with {@code public: true}, and any page with {@code public: false} is
 * left out. It runs right after parsing, so nothing downstream (pages, lists, taxonomies,
 * feeds, sitemap, search) ever sees a private profile.
 */
public final class PublicProfiles {
    /** The content folder whose pages are private by default. */
    public static final String PEOPLE = "people";

    public List<ParsedSource> keep(List<ParsedSource> parsed) {
        return parsed.stream().filter(PublicProfiles::published).toList();
    }

    static boolean published(ParsedSource p) {
        Object flag = p.meta().params().get("public");
        boolean person = p.source().section().equals(PEOPLE) && p.source().kind() != SourceFile.Kind.BRANCH;
        if (person) return Boolean.TRUE.equals(flag) || "true".equals(String.valueOf(flag));
        return !(Boolean.FALSE.equals(flag) || "false".equals(String.valueOf(flag)));
    }
}
