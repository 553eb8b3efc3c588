package org.acervo.check;

import java.util.List;
import org.acervo.build.OutputFile;
import org.acervo.config.SiteConfig;
import org.jsoup.nodes.Entities;

/**
 * The translation report as a page for editors at {@code <default language>/_editors/translations/}: not linked from
 * the site's navigation, not in the sitemap, and marked {@code noindex} so search engines leave it
 * out. It is the same report as {@code acervo check}'s, so editors without a terminal see it too.
 */
public final class TranslationStatusPage {
    /** Under the default language's folder, since the page is written in it: {@code es/_editors/translations/}. */
    public static String file(SiteConfig config) {
        return config.defaultLanguage() + "/_editors/translations/index.html";
    }

    private final SiteConfig config;

    public TranslationStatusPage(SiteConfig config) {
        this.config = config;
    }

    public OutputFile file(TranslationReport report) {
        String lang = config.defaultLanguage();
        StringBuilder b = new StringBuilder();
        b.append("<!doctype html><html lang=\"").append(lang).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"robots\" content=\"noindex, nofollow\">")
                .append("<title>Translations · Traducciones</title></head><body><main>")
                .append("<h1>Translation status · Estado de las traducciones</h1>")
                .append("<p>For editors. Run <code>acervo check</code> for the same report. · Para editores. ")
                .append("<code>acervo check</code> da el mismo informe.</p>")
                .append("<p id=\"summary\">").append(report.missingCount()).append(" missing · faltan, ")
                .append(report.staleCount()).append(" stale · desactualizadas</p>");
        for (String l : report.languages()) {
            List<TranslationReport.Missing> missing = report.missing().get(l);
            List<TranslationReport.Stale> stale = report.stale().get(l);
            String name = e(config.expectLanguage(l).name());
            b.append("<section id=\"lang-").append(l).append("\"><h2>").append(name).append(" (").append(l).append(")</h2>");
            b.append("<h3>Without a translation · Sin traducción: ").append(missing.size()).append("</h3>");
            if (!missing.isEmpty()) {
                b.append("<table class=\"missing\"><thead><tr><th>Section · Sección</th><th>Source · Original</th></tr></thead><tbody>");
                for (TranslationReport.Missing m : missing) {
                    b.append("<tr><td>").append(e(m.section())).append("</td><td><code>").append(e(m.source())).append("</code></td></tr>");
                }
                b.append("</tbody></table>");
            }
            b.append("<h3>Stale · Desactualizadas: ").append(stale.size()).append("</h3>");
            if (!stale.isEmpty()) {
                b.append("<table class=\"stale\"><thead><tr><th>Translation · Traducción</th><th>Why · Por qué</th></tr></thead><tbody>");
                for (TranslationReport.Stale s : stale) {
                    b.append("<tr><td><code>").append(e(s.translation())).append("</code></td><td>").append(e(s.reason())).append("</td></tr>");
                }
                b.append("</tbody></table>");
            }
            b.append("</section>");
        }
        b.append("</main></body></html>");
        return OutputFile.text(file(config), b.toString());
    }

    private static String e(String s) {
        return Entities.escape(s);
    }
}
