package org.acervo.light;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.acervo.build.OutputFile;
import org.acervo.render.Theme;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Offline re-reading (site.yaml {@code offline: true}): {@code sw.js} at the top of the output,
 * so that its scope is the whole site wherever it is hosted (a sub-path included), and a tiny
 * external script that registers it (the CSP allows no inline script). The worker keeps the
 * pages a reader visited and fetches the search index when it is installed.
 */
final class OfflineReading {
    static final String WORKER = "sw.js";
    private final String registerPath;
    private final byte[] register;

    OfflineReading() {
        this.register = resource("offline.js");
        String hash = Theme.hash(register).substring(0, 10);
        this.registerPath = "assets/acervo-offline." + hash + ".js";
    }

    /** Adds the registering script to a page's head. */
    void inject(Document doc, String pageFile) {
        doc.head().appendChild(script(pageFile));
    }

    /** The registering script of a page, as {@link #inject} adds it. */
    Element script(String pageFile) {
        return new Element("script").attr("src", PageImages.relative(pageFile, registerPath)).attr("defer", "")
                .attr("data-sw", PageImages.relative(pageFile, WORKER)).attr("data-offline-reading", "");
    }

    /** The script that registers the worker, which every page loads. */
    OutputFile registerFile() {
        return new OutputFile(registerPath, register, null);
    }

    /** The worker; {@code precache} are output paths fetched at install (the search index). */
    OutputFile worker(List<String> precache, String version) {
        String list = precache.stream().map(p -> "'" + p.replace("'", "\\'") + "'").collect(Collectors.joining(",", "[", "]"));
        return OutputFile.text(WORKER, new String(resource(WORKER), StandardCharsets.UTF_8).replace("__VERSION__", version).replace("__PRECACHE__", list));
    }

    private static byte[] resource(String name) {
        try (InputStream in = OfflineReading.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
