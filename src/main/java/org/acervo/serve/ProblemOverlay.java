package org.acervo.serve;

import java.util.List;
import org.acervo.problem.BuildProblem;
import org.jsoup.nodes.Entities;

/**
 * The box of problems {@code acervo serve} adds to pages while the last edit has problems: for
 * each, where (path:line:col), what is wrong and how to fix it. Plain HTML and a stylesheet, no
 * script, so it shows under a strict Content-Security-Policy too.
 */
final class ProblemOverlay {
    static final String CSS = "/_acervo/preview.css";
    static final String SCRIPT = "/_acervo/live-reload.js";

    private ProblemOverlay() {}

    static String box(List<BuildProblem> problems) {
        StringBuilder b = new StringBuilder();
        b.append("<link rel=\"stylesheet\" href=\"").append(CSS).append("\">");
        b.append("<aside id=\"acervo-problems\" role=\"alert\"><h2>")
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems")
                .append(" in your last change. The site shown is the last one that built. · ")
                .append("Problemas en el último cambio; se muestra la última versión que funcionaba.</h2><ol>");
        for (BuildProblem p : problems) {
            b.append("<li><code class=\"where\">").append(e(p.where().toString())).append("</code> <span class=\"what\">")
                    .append(e(p.what())).append("</span>");
            if (!p.hint().isBlank()) b.append(" <span class=\"fix\">").append(e(p.hint())).append("</span>");
            b.append("</li>");
        }
        b.append("</ol></aside>");
        return b.toString();
    }

    /** The box added before {@code </body>} (or at the end). */
    static String inject(String html, List<BuildProblem> problems) {
        String box = box(problems);
        int i = html.lastIndexOf("</body>");
        return i < 0 ? html + box : html.substring(0, i) + box + html.substring(i);
    }

    /** A whole page for when no build has succeeded yet; it reloads itself when a build does. */
    static String page(List<BuildProblem> problems) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Acervo: problems</title>"
                + "<script src=\"" + SCRIPT + "\" defer></script></head><body><main><h1>The site does not build yet</h1>"
                + "<p>Fix the problems below and save; this page reloads by itself.</p></main>" + box(problems) + "</body></html>";
    }

    private static String e(String s) {
        return Entities.escape(s);
    }
}
