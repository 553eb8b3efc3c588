package org.acervo.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.acervo.config.SiteConfigLoader;
import org.acervo.problem.BuildFailure;
import org.acervo.serve.Preview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code acervo serve}: a live preview for editors. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Preview the site while you edit: builds it, serves it on this computer, and rebuilds and reloads",
                "open pages when a file changes. Drafts are shown (--no-drafts to hide them). Stop with Ctrl+C."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--source", description = "The site folder. Default: the current folder.", defaultValue = ".")
    Path source;

    @Option(names = "--port", description = "Port to serve on (0: any free port). Default: 1414.", defaultValue = "1414")
    int port;

    @Option(names = "--bind", description = "Address to serve on. Default: 127.0.0.1, this computer only.", defaultValue = "127.0.0.1")
    String bind;

    @Option(names = "--drafts", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Show drafts and future pages (default); --no-drafts hides them as the published site does.")
    boolean drafts;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port " + port + ": a port is a number from 0 to 65535"
                    + " (0: any free port)");
        }
        Reporter reporter = new Reporter(spec.commandLine().getOut(), spec.commandLine().getErr());
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--bind " + bind + ": not an address of this computer");
        }
        try {
            new SiteConfigLoader().load(source); // a site.yaml that cannot be read stops here, with its problems
        } catch (BuildFailure failure) {
            reporter.problems(failure.problems());
            return 1;
        }
        Preview preview;
        try {
            preview = Preview.start(source, address, port, drafts, spec.commandLine().getOut());
        } catch (java.io.UncheckedIOException e) {
            spec.commandLine().getErr().println("acervo: cannot serve on " + bind + ":" + port + ": " + e.getCause().getMessage()
                    + " (is another program using that port? try --port 0)");
            return 1;
        }
        spec.commandLine().getOut().println("Serving " + source.toAbsolutePath().normalize() + " at " + preview.url()
                + " (Ctrl+C to stop)");
        spec.commandLine().getOut().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            preview.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
