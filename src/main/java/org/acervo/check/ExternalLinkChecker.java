package org.acervo.check;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Checks external addresses with HEAD (GET when a server refuses HEAD), many at once, within a
 * total time limit. Answers are kept in a cache file (one line per address: status, time) so that
 * the next check asks again only for addresses it has not seen lately. Only {@code acervo check
 * --external} uses this; a build never waits on the network.
 */
public final class ExternalLinkChecker {
    /** How long an answer stays good: working links for a week, failures for a day. */
    static final Duration KEEP_OK = Duration.ofDays(7);
    static final Duration KEEP_FAILED = Duration.ofDays(1);

    /** What happened to one address: an HTTP status, or 0 with the error. */
    public record Outcome(String url, int status, String error, boolean fromCache, boolean checked) {
        public boolean ok() {
            return checked && status >= 200 && status < 400;
        }
    }

    private final Path cacheFile;
    private final Duration timeLimit;
    private final Duration perRequest;
    private final HttpClient client;

    public ExternalLinkChecker(Path cacheFile, Duration timeLimit) {
        this.cacheFile = cacheFile;
        this.timeLimit = timeLimit;
        this.perRequest = timeLimit.compareTo(Duration.ofSeconds(10)) < 0 ? timeLimit : Duration.ofSeconds(10);
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(perRequest).build();
    }

    public List<Outcome> check(Collection<String> urls) {
        Map<String, String[]> cache = readCache();
        Instant now = Instant.now();
        Map<String, Outcome> results = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (String url : urls) {
            String[] c = cache.get(url);
            if (c != null) {
                int status = Integer.parseInt(c[0]);
                Instant at = Instant.ofEpochSecond(Long.parseLong(c[1]));
                Duration keep = status >= 200 && status < 400 ? KEEP_OK : KEEP_FAILED;
                if (at.plus(keep).isAfter(now)) {
                    results.put(url, new Outcome(url, status, c[2], true, true));
                    continue;
                }
            }
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                results.put(url, new Outcome(url, 0, "not a valid address", false, true));
                continue;
            }
            if (uri.getHost() == null) { // my_site.example.org: a name the web's rules do not allow (no underscores in hosts)
                results.put(url, new Outcome(url, 0, "not a valid address (its host name cannot be read)", false, true));
                continue;
            }
            pending.add(ask(uri, "HEAD").thenCompose(r -> r.statusCode() == 405 || r.statusCode() == 501 ? ask(uri, "GET") : CompletableFuture.completedFuture(r))
                    .handle((r, ex) -> {
                        results.put(url, ex == null ? new Outcome(url, r.statusCode(), "", false, true)
                                : new Outcome(url, 0, rootMessage(ex), false, true));
                        return null;
                    }));
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            // the addresses not answered in time are reported as not checked
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // each future handles its own failure
        }
        List<Outcome> out = new ArrayList<>();
        for (String url : urls) {
            out.add(results.getOrDefault(url, new Outcome(url, 0, "not checked within the time limit of " + timeLimit.toSeconds() + " s",
                    false, false)));
        }
        writeCache(cache, out, now);
        return out;
    }

    private CompletableFuture<HttpResponse<Void>> ask(URI uri, String method) {
        HttpRequest request = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).timeout(perRequest)
                .header("User-Agent", "Acervo link check").build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private Map<String, String[]> readCache() {
        Map<String, String[]> out = new LinkedHashMap<>();
        if (cacheFile == null || !Files.isRegularFile(cacheFile)) return out;
        try {
            for (String line : Files.readAllLines(cacheFile, StandardCharsets.UTF_8)) {
                String[] p = line.split("\t", 4);
                if (p.length == 4 && p[1].matches("\\d{1,3}") && p[2].matches("\\d+")) out.put(p[0], new String[] {p[1], p[2], p[3]});
            }
        } catch (IOException e) {
            // an unreadable cache only means asking again
        }
        return out;
    }

    private void writeCache(Map<String, String[]> cache, List<Outcome> outcomes, Instant now) {
        if (cacheFile == null) return;
        for (Outcome o : outcomes) {
            if (!o.fromCache() && o.checked()) {
                cache.put(o.url(), new String[] {String.valueOf(o.status()), String.valueOf(now.getEpochSecond()),
                        o.error().replace('\t', ' ').replace('\n', ' ')});
            }
        }
        StringBuilder b = new StringBuilder();
        cache.forEach((url, v) -> b.append(url).append('\t').append(v[0]).append('\t').append(v[1]).append('\t').append(v[2]).append('\n'));
        try {
            Files.createDirectories(cacheFile.toAbsolutePath().getParent());
            Files.writeString(cacheFile, b.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the check's result does not depend on the cache
        }
    }
}
