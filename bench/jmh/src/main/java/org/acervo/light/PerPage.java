package org.acervo.light;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The settings every per-page benchmark shares (JMH reads them from the superclass): average microseconds a page, each
 * operation over the {@value Pages#COUNT} pages of {@link Pages}, in a JVM started as the launcher starts a build.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(Pages.COUNT)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class PerPage {
}
