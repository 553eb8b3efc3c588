package org.acervo.light;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.infra.Blackhole;

/** Every page is written with its {@code .gz} twin: one deflater kept per thread against a new one per file. */
public class GzipBench extends PerPage {
    @Benchmark
    public void deflaterKeptPerThread(Pages pages, Blackhole out) {
        for (byte[] page : pages.bytes) out.consume(Gzip.compress(page));
    }

    @Benchmark
    public void newDeflaterPerFile(Pages pages, Blackhole out) {
        for (byte[] page : pages.bytes) out.consume(Gzip.viaStream(page));
    }
}
