package org.acervo.light;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** Every page is written with its {@code .gz} twin: one deflater kept per thread against a new one per file. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(Pages.COUNT)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-Xmx1g"}) // as the launcher runs a build
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GzipBench {
    @Benchmark
    public void deflaterKeptPerThread(Pages pages, Blackhole out) {
        for (byte[] page : pages.bytes) out.consume(Gzip.compress(page));
    }

    @Benchmark
    public void newDeflaterPerFile(Pages pages, Blackhole out) {
        for (byte[] page : pages.bytes) out.consume(Gzip.viaStream(page));
    }
}
