import java.nio.file.Path;
import org.acervo.build.BuildOptions;
import org.acervo.build.OutputWriter;
import org.acervo.build.SiteBuilder;
import org.acervo.search.SearchIndexer;

/**
 * Builds a site as `acervo build` does and prints the build's wall time with the search index
 * and the index phase alone, timed again on the same assembled site: without = with - index.
 *
 *   java -cp target/acervo.jar bench/SearchIndexTime.java SITE_DIR OUTPUT_DIR
 */
public class SearchIndexTime {
    public static void main(String[] args) {
        BuildOptions options = BuildOptions.of(Path.of(args[0]), Path.of(args[1]));
        long t0 = System.nanoTime();
        OutputWriter writer = new OutputWriter(options.output());
        writer.checkSafe(options.siteDir());
        SiteBuilder.Built built = new SiteBuilder((phase, done, total) -> { }).render(options);
        writer.write(built.files());
        long t1 = System.nanoTime();
        int files = new SearchIndexer(built.site()).files().size();
        long t2 = System.nanoTime();
        double with = (t1 - t0) / 1e9, index = (t2 - t1) / 1e9;
        System.out.printf("build_with_index_s %.1f%nindex_phase_s %.1f%nbuild_without_index_s %.1f%nindex_adds_pct %.0f%nindex_files %d%n",
                with, index, with - index, 100 * index / (with - index), files);
    }
}
