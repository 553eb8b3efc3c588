package org.acervo;

import java.nio.file.Path;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.acervo.cli.Main;

/** The repository's own demo library (site.yaml, content/, themes/ at the top), built with the real command line. */
public final class DemoSite {
    private DemoSite() {}

    /** The demo's folder: the working directory of the tests (the repository). */
    public static Path source() {
        return Path.of(System.getProperty("acervo.demo", ".")).toAbsolutePath().normalize();
    }

    /** Builds the demo into {@code output}; fails with the build's messages if it does not build. */
    public static Path build(Path output) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "build", "--source", source().toString(), "--output",
                output.toString());
        if (exit != 0) throw new AssertionError("the demo site does not build (exit " + exit + "):\n" + err + out);
        return output;
    }

    /** Runs {@code acervo bundle} on the demo with extra arguments; fails unless it succeeds. */
    public static void bundle(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 3];
        all[0] = "bundle";
        all[1] = "--source";
        all[2] = source().toString();
        System.arraycopy(args, 0, all, 3, args.length);
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
        if (exit != 0) throw new AssertionError("acervo bundle failed (exit " + exit + "):\n" + err + out);
    }
}
