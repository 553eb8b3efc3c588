package org.acervo.check;

/**
 * How many of each finding a check tolerates before it fails; -1 means no limit. By default
 * broken links, broken external links (when checked) and front matter rule problems fail the
 * check, while missing and stale translations are reported only: a library is allowed to be
 * partly translated, and says so to readers.
 */
public record CheckThresholds(int brokenLinks, int brokenExternal, int ruleProblems, int missingTranslations, int staleTranslations) {
    public static final CheckThresholds DEFAULT = new CheckThresholds(0, 0, 0, -1, -1);

    static boolean exceeded(int count, int limit) {
        return limit >= 0 && count > limit;
    }
}
