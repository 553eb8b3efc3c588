import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;
import org.acervo.build.BuildOptions;
import org.acervo.build.SiteBuilder;
import org.acervo.enrich.RelatedPages;
import org.acervo.search.SearchIndexer;

/**
 * The two phases that analyse every page's text with Lucene, timed apart: builds a site in memory
 * once, then computes its related pages and its search index four times each on the same
 * assembled site, on two threads (the machine the figures in the README come from), and prints
 * wall and process CPU seconds of each. Compare two versions of the jar in alternating runs.
 *
 *   java -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -cp target/acervo.jar bench/AnalysisTime.java SITE_DIR OUTPUT_DIR
 */
public class AnalysisTime {
    public static void main(String[] args) {
        BuildOptions options = BuildOptions.of(Path.of(args[0]), Path.of(args[1]));
        var site = new SiteBuilder((phase, done, total) -> { }).render(options).site();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ForkJoinPool pool = new ForkJoinPool(2);
        for (int r = 0; r < 4; r++) {
            long c0 = os.getProcessCpuTime();
            long w0 = System.nanoTime();
            pool.submit(() -> RelatedPages.compute(site)).join();
            long w1 = System.nanoTime();
            long c1 = os.getProcessCpuTime();
            pool.submit(() -> new SearchIndexer(site).files()).join();
            long w2 = System.nanoTime();
            long c2 = os.getProcessCpuTime();
            System.out.printf("related pages %.2f s (CPU %.2f s)  search index %.2f s (CPU %.2f s)%n",
                    (w1 - w0) / 1e9, (c1 - c0) / 1e9, (w2 - w1) / 1e9, (c2 - c1) / 1e9);
        }
        pool.shutdown();
    }
}
