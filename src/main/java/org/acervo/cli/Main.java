package org.acervo.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar acervo.jar <command>}. Exit codes: 0 success, 1 problems in the content,
 * 2 a usage error.
 */
@Command(name = "acervo", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Builds a light, bilingual static site for a community of practice's knowledge library.",
        subcommands = {BuildCommand.class, ServeCommand.class, NewCommand.class, CheckCommand.class, CommandLine.HelpCommand.class})
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
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("acervo: internal error: " + ex);
            commandLine.getErr().println("This is a bug in Acervo, not in your content. Please report it with the command you ran.");
            return 70;
        });
        return cli.execute(args);
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
