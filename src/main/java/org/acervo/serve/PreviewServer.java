package org.acervo.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.acervo.build.OutputFile;

/**
 * Serves the site held in memory over HTTP (JDK HttpServer). Only GET and HEAD, no request
 * bodies, a bounded number of headers and a bounded path; a request path is resolved only
 * against the files of the build ({@link RequestPath}), and a copied file (a page bundle's PDF, a
 * theme asset) is read only when it really lies inside one of the site's own folders, so a
 * symbolic link cannot lead out. Requests are handled by a small fixed pool of threads; browsers
 * waiting for reload events hold no thread.
 */
final class PreviewServer implements AutoCloseable {
    static final int MAX_HEADERS = 100;
    static final int THREADS = 8;
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml; charset=utf-8"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"), Map.entry("ico", "image/x-icon"), Map.entry("pdf", "application/pdf"),
            Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"), Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"), Map.entry("mp3", "audio/mpeg"),
            Map.entry("zip", "application/zip"), Map.entry("csv", "text/csv; charset=utf-8"));

    static {
        // A client that announces a body and never sends it would hold a thread for good: the
        // JDK server closes connections still reading their request after this many seconds.
        // (Responses have no limit: live reload keeps one open.) Read once, when the server loads.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "10");
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final Supplier<Preview.Snapshot> state;
    private final List<Path> roots;
    private final List<HttpExchange> listeners = new CopyOnWriteArrayList<>();

    /** @param roots the real paths of the folders files may be copied from (content, static, themes) */
    PreviewServer(InetSocketAddress address, Supplier<Preview.Snapshot> state, List<Path> roots) throws IOException {
        this.state = state;
        this.roots = List.copyOf(roots);
        this.server = HttpServer.create(address, 64);
        // bounded: a flood of requests waits in a short queue, then is handled by the accepting thread (back-pressure)
        this.pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64),
                org.acervo.util.DaemonThreads.named("acervo-preview"), new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Tells every open page to reload. */
    /**
     * After a build: open pages reload when they are among {@code pages} (their bytes changed), or all of them when it is
     * empty. The event's data is {@code {"version": N, "pages": [...]}}, without {@code pages} for all.
     */
    void reload(long version, Optional<List<String>> pages) {
        send("reload", "{\"version\":" + version + pages.map(p -> ",\"pages\":" + json(p)).orElse("") + "}");
    }

    /** Edited pages shown before the rebuild: the pages among them reload. */
    void edited(List<String> pages) {
        send("edited", "{\"pages\":" + json(pages) + "}");
    }

    private static String json(List<String> pages) {
        StringBuilder b = new StringBuilder("[");
        for (String p : pages) {
            if (b.length() > 1) b.append(',');
            org.acervo.util.Json.string(b, p);
        }
        return b.append(']').toString();
    }

    private void send(String name, String data) {
        byte[] event = ("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
        for (HttpExchange x : listeners) {
            try {
                OutputStream o = x.getResponseBody();
                o.write(event);
                o.flush();
            } catch (IOException e) {
                listeners.remove(x);
                x.close();
            }
        }
    }

    int listeners() {
        return listeners.size();
    }

    private void handle(HttpExchange x) throws IOException {
        try {
            String method = x.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                x.getResponseHeaders().set("Allow", "GET, HEAD");
                send(x, 405, "text/plain; charset=utf-8", "only GET and HEAD\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            int headers = x.getRequestHeaders().values().stream().mapToInt(List::size).sum();
            if (headers > MAX_HEADERS) {
                send(x, 431, "text/plain; charset=utf-8", "too many headers\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String length = x.getRequestHeaders().getFirst("Content-Length");
            if ((length != null && !length.trim().equals("0")) || x.getRequestHeaders().containsKey("Transfer-Encoding")) {
                send(x, 413, "text/plain; charset=utf-8", "requests have no body here\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Optional<String> path = RequestPath.of(x.getRequestURI().getRawPath());
            if (path.isEmpty()) {
                send(x, 400, "text/plain; charset=utf-8", "bad path\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String p = path.get();
            switch (p) {
                case "_acervo/events" -> {
                    listen(x);
                    return;
                }
                case "_acervo/live-reload.js" -> {
                    send(x, 200, TYPES.get("js"), resource("live-reload.js"));
                    return;
                }
                case "_acervo/preview.css" -> {
                    send(x, 200, TYPES.get("css"), resource("preview.css"));
                    return;
                }
                default -> serveFile(x, p);
            }
        } catch (IOException e) {
            x.close(); // the browser went away
        }
    }

    private void serveFile(HttpExchange x, String p) throws IOException {
        Preview.Snapshot s = state.get();
        if (s.files().isEmpty()) {
            byte[] page = ProblemOverlay.page(s.problems()).getBytes(StandardCharsets.UTF_8);
            send(x, s.problems().isEmpty() ? 503 : 500, TYPES.get("html"), page);
            return;
        }
        String key = p.isEmpty() || p.endsWith("/") ? p + "index.html" : p;
        OutputFile f = s.files().get(key);
        if (f == null && s.files().containsKey(p + "/index.html")) {
            x.getResponseHeaders().set("Location", x.getRequestURI().getRawPath() + "/");
            send(x, 301, "text/plain; charset=utf-8", new byte[0]);
            return;
        }
        int status = 200;
        if (f == null) {
            status = 404;
            f = s.files().get("404.html");
            if (f == null) {
                send(x, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            key = "404.html";
        }
        Optional<byte[]> bytes = bytes(f);
        if (bytes.isEmpty()) {
            send(x, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String type = type(key);
        byte[] body = bytes.get();
        if (type.startsWith("text/html") && (status == 404 || !s.problems().isEmpty())) {
            String html = new String(body, StandardCharsets.UTF_8);
            // the 404 page's links are relative to the top; served at another depth they need a base
            if (status == 404) html = html.replaceFirst("(?i)<head>", "<head><base href=\"/\">");
            if (!s.problems().isEmpty()) html = ProblemOverlay.inject(html, s.problems());
            body = html.getBytes(StandardCharsets.UTF_8);
        }
        send(x, status, type, body);
    }

    /** The file's bytes; a copied file only when its real path is inside the site's folders. */
    private Optional<byte[]> bytes(OutputFile f) {
        if (f.bytes() != null) return Optional.of(f.bytes());
        try {
            Path real = f.copyFrom().toRealPath();
            if (roots.stream().noneMatch(real::startsWith) || !Files.isRegularFile(real)) return Optional.empty();
            return Optional.of(Files.readAllBytes(real));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void listen(HttpExchange x) throws IOException {
        x.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        x.getResponseHeaders().set("Cache-Control", "no-store");
        x.sendResponseHeaders(200, 0);
        OutputStream o = x.getResponseBody();
        o.write(("retry: 500\n: version " + state.get().version() + "\n\n").getBytes(StandardCharsets.UTF_8));
        o.flush();
        listeners.add(x); // kept open; written to by reload and edited
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.getResponseHeaders().set("Cache-Control", "no-store");
        x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = x.getRequestMethod().equals("HEAD");
        x.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream o = x.getResponseBody()) {
                o.write(body);
            }
        }
        x.close();
    }

    private static String type(String path) {
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static byte[] resource(String name) {
        try (InputStream in = PreviewServer.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (HttpExchange x : listeners) x.close();
        listeners.clear();
        server.stop(0);
        pool.shutdownNow();
    }
}
