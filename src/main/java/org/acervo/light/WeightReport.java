package org.acervo.light;

import java.util.Comparator;
import java.util.List;
import org.acervo.config.Budgets;
import org.acervo.light.PageWeight.Type;
import org.jsoup.nodes.Entities;

/**
 * The weight report for editors: a page that no navigation links to, beside the other editors'
 * pages under the default language ({@code es/_editors/weight/}, not indexed by search engines),
 * listing the heaviest pages and what makes them heavy; and a short summary for the build's output.
 */
final class WeightReport {
    private static final int ROWS = 40;

    private final List<PageWeight> weights;
    private final Budgets budgets;
    private final String lang;

    /** Where the report is for a site whose default language is {@code lang}. */
    static String path(String lang) {
        return lang + "/_editors/weight/index.html";
    }

    String path() {
        return path(lang);
    }

    private record Weighed(PageWeight weight, long total) {}

    WeightReport(List<PageWeight> weights, Budgets budgets, String lang) {
        this.lang = lang;
        // each page's total worked out once, not at each of the sort's comparisons (13,600 pages: 380,000 of them)
        this.weights = weights.stream().map(w -> new Weighed(w, w.totalWire()))
                .sorted(Comparator.comparingLong(Weighed::total).reversed().thenComparing(k -> k.weight().page()))
                .map(Weighed::weight).toList();
        this.budgets = budgets;
    }

    boolean overBudget(PageWeight w) {
        return w.textWire() > budgets.textPage() || w.totalWire() > budgets.withImages();
    }

    /** Median of HTML+CSS gzip over single pages (all pages when there are none). */
    long medianSingleText() {
        List<Long> sizes = weights.stream().filter(w -> w.kind().equals("single")).map(PageWeight::textWire).sorted().toList();
        if (sizes.isEmpty()) sizes = weights.stream().map(PageWeight::textWire).sorted().toList();
        if (sizes.isEmpty()) return 0;
        int n = sizes.size();
        return n % 2 == 1 ? sizes.get(n / 2) : (sizes.get(n / 2 - 1) + sizes.get(n / 2)) / 2;
    }

    /** A few lines for the build output. */
    List<String> summary() {
        long over = weights.stream().filter(this::overBudget).count();
        List<String> lines = new java.util.ArrayList<>();
        lines.add("page weight: " + weights.size() + " pages; median single page " + kb(medianSingleText()) + " gzip of HTML+CSS (budget "
                + kb(budgets.textPage()) + "); " + (over == 0 ? "none" : String.valueOf(over)) + " over budget");
        for (PageWeight w : weights.subList(0, Math.min(3, weights.size()))) {
            lines.add("heaviest page: " + w.page() + " " + kb(w.totalWire()) + " (" + why(w) + ")");
        }
        lines.add("weight report for editors: " + path() + " in the output");
        return lines;
    }

    /** What makes a page heavy, in a few words. */
    static String why(PageWeight w) {
        var top = w.heaviestResource();
        if (top.isEmpty() || top.get().wire() < w.wire(Type.HTML)) return "its text: HTML " + kb(w.wire(Type.HTML));
        return top.get().type().name().toLowerCase(java.util.Locale.ROOT) + " " + top.get().path() + " " + kb(top.get().wire());
    }

    static String kb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    /** The report page; {@code stylesheet} is the theme's style sheet as an output path, or null. */
    String html(String stylesheet) {
        StringBuilder b = new StringBuilder("<!doctype html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex, nofollow\">"
                + "<title>Page weight · Peso de las páginas</title>");
        if (stylesheet != null) b.append("<link rel=\"stylesheet\" href=\"").append(PageImages.relative(path(), stylesheet)).append("\">");
        b.append("</head><body data-kind=\"report\"><main id=\"main\"><h1>Page weight · Peso de las páginas</h1><p>For editors · Para editores. What a phone downloads to show each page, "
                + "compressed as it travels (gzip). Budgets from site.yaml: ").append(kb(budgets.textPage()))
                .append(" of HTML and CSS for every page (what arrives in the first round trip), ").append(kb(budgets.withImages()))
                .append(" in all with images, scripts and icon. Median single page: ").append(kb(medianSingleText()))
                .append(" of HTML and CSS.</p>");
        List<PageWeight> over = weights.stream().filter(this::overBudget).toList();
        b.append("<h2>Over budget</h2>");
        if (over.isEmpty()) b.append("<p>No page is over budget.</p>");
        else table(b, over);
        b.append("<h2>The heaviest pages</h2>");
        table(b, weights.subList(0, Math.min(ROWS, weights.size())));
        b.append("<p>To make a page lighter: use fewer or smaller images (Acervo makes smaller copies of JPEG and PNG, "
                + "but not of GIF or WebP), split a very long page in two, or move a long table to a file to download.</p>");
        return b.append("</main></body></html>").toString();
    }

    private void table(StringBuilder b, List<PageWeight> rows) {
        b.append("<table><thead><tr><th scope=\"col\">Page</th><th scope=\"col\">HTML</th><th scope=\"col\">CSS</th>"
                + "<th scope=\"col\">Scripts</th><th scope=\"col\">Images</th><th scope=\"col\">In all</th>"
                + "<th scope=\"col\">What makes it heavy</th></tr></thead><tbody>");
        for (PageWeight w : rows) {
            String url = w.page().endsWith("index.html") ? w.page().substring(0, w.page().length() - "index.html".length()) : w.page();
            b.append("<tr><td><a href=\"").append(Entities.escape(PageImages.relative(path(), w.page()))).append("\">")
                    .append(Entities.escape(url.isEmpty() ? "/" : url)).append("</a></td><td>").append(kb(w.wire(Type.HTML)))
                    .append("</td><td>").append(kb(w.wire(Type.CSS))).append("</td><td>").append(kb(w.wire(Type.JS)))
                    .append("</td><td>").append(kb(w.wire(Type.IMAGE))).append("</td><td>").append(kb(w.totalWire()))
                    .append(overBudget(w) ? " (over budget)" : "").append("</td><td>").append(Entities.escape(why(w))).append("</td></tr>");
        }
        b.append("</tbody></table>");
    }
}
