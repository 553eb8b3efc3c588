package org.acervo.browser;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

/**
 * A plain static file server on 127.0.0.1 for browser tests, like the simplest host a city
 * might have: folders serve their index.html, optional gzip, a log of what was asked.
 */
public final class StaticServer implements AutoCloseable {
    private final HttpServer server;
    private final List<String> log = new CopyOnWriteArrayList<>();

    public StaticServer(Path root, boolean gzip) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/", ex -> {
            String path = URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            log.add(path);
            Path file = base.resolve(path.substring(1)).normalize();
            if (!file.startsWith(base)) {
                ex.sendResponseHeaders(403, -1);
                ex.close();
                return;
            }
            if (Files.isDirectory(file)) file = file.resolve("index.html");
            if (!Files.isRegularFile(file)) {
                byte[] body = "not found".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(404, body.length);
                ex.getResponseBody().write(body);
                ex.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            ex.getResponseHeaders().set("Content-Type", type(file.getFileName().toString()));
            String accept = ex.getRequestHeaders().getFirst("Accept-Encoding");
            if (gzip && accept != null && accept.contains("gzip") && compressible(file.getFileName().toString())) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (OutputStream z = new GZIPOutputStream(bytes)) {
                    z.write(body);
                }
                body = bytes.toByteArray();
                ex.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    public List<String> log() {
        return log;
    }

    static boolean compressible(String name) {
        return name.matches(".*\\.(html|css|js|json|xml|txt|svg)$");
    }

    static String type(String name) {
        if (name.endsWith(".html")) return "text/html; charset=utf-8";
        if (name.endsWith(".css")) return "text/css; charset=utf-8";
        if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (name.endsWith(".json")) return "application/json";
        if (name.endsWith(".xml")) return "application/xml";
        if (name.endsWith(".svg")) return "image/svg+xml";
        if (name.endsWith(".png")) return "image/png";
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) return "image/jpeg";
        if (name.endsWith(".pdf")) return "application/pdf";
        return "application/octet-stream";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
