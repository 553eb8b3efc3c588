package org.acervo.light;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What finishing costs a page apart from its own changes: jsoup parsing it and writing it out again, and the minifier's
 * pass on top of that. (The pages are the finished ones, already minified: the pass finds little to change, as it
 * does on most of a template's output.)
 */
@State(Scope.Thread)
public class FinishingBench extends PerPage {
    private final Minifier minifier = new Minifier();

    @Benchmark
    public void parseAndWrite(Pages pages, Blackhole out) {
        for (String page : pages.texts) {
            Document doc = Jsoup.parse(page);
            doc.outputSettings().prettyPrint(false).outline(false);
            out.consume(doc.outerHtml());
        }
    }

    @Benchmark
    public void parseMinifyAndWrite(Pages pages, Blackhole out) {
        for (String page : pages.texts) out.consume(minifier.html(Jsoup.parse(page)));
    }

    @Benchmark
    public void utf8Bytes(Pages pages, Blackhole out) {
        for (String page : pages.texts) out.consume(page.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
