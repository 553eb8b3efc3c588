package org.acervo.light;

import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What finishing costs a page apart from its own changes: jsoup parsing it and writing it out again, and the minifier's
 * pass on top of that. (The pages are the finished ones, already minified: the pass finds little to change, as it
 * does on most of a template's output.)
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(Pages.COUNT)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-Xmx1g"}) // as the launcher runs a build
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class FinishingBench {
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
