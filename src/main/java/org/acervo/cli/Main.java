package org.acervo.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar acervo.jar <command>}. Exit codes: 0 success, 1 problems in the content (or a site
 * too large for the memory given), 2 a usage error, 70 a bug.
 */
@Command(name = "acervo", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Builds a light, bilingual static site for a community of practice's knowledge library.",
        subcommands = {BuildCommand.class, ServeCommand.class, NewCommand.class, CheckCommand.class, BundleCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the command line writing to the given streams; returns the exit code. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
                BugReport.report(ex, commandLine.getErr(), args, java.nio.file.Path.of(System.getProperty("java.io.tmpdir"))));
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // a library larger than the heap: say how to give it more, not a stack trace (the output is left as it was)
            long heap = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            err.println("acervo: the site did not fit in the " + heap + " MB of memory Java was given"
                    + " (start it with more: ACERVO_HEAP=" + Math.max(2, (heap * 2 + 1023) / 1024) + "g sh target/acervo ..."
                    + ", or java -Xmx" + Math.max(2, (heap * 2 + 1023) / 1024) + "g -jar target/acervo.jar ...)");
            return 1;
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. acervo build");
    }

    /** Reads the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"Acervo " + (v == null ? "development build" : v)};
        }
    }
}
