package org.acervo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Walks every HTML file of an output and lists internal links that are absolute or point nowhere. */
public final class LinkAudit {
    private LinkAudit() {}

    /** Each problem as "file: attr=value (why)". */
    public static List<String> problems(Path output) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(output)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Document doc = Jsoup.parse(f.toFile(), "UTF-8");
                for (Element e : doc.select("[href], [src], [srcset]")) {
                    for (String attr : List.of("href", "src")) {
                        if (e.hasAttr(attr)) check(output, f, attr, e.attr(attr), out);
                    }
                    if (e.hasAttr("srcset")) {
                        for (String c : e.attr("srcset").split(",")) check(output, f, "srcset", c.trim().split(" ")[0], out);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Number of internal links checked in the output, to make sure an audit looked at something. */
    public static long internalLinks(Path output) {
        try (Stream<Path> files = Files.walk(output)) {
            long n = 0;
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                for (Element e : Jsoup.parse(f.toFile(), "UTF-8").select("[href], [src]")) {
                    String v = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                    if (!isExternal(v)) n++;
                }
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isExternal(String v) {
        return v.isEmpty() || v.startsWith("#") || v.matches("(?i)^[a-z][a-z0-9+.-]*:.*") || v.startsWith("//");
    }

    private static void check(Path output, Path file, String attr, String value, List<String> out) {
        if (isExternal(value)) return;
        String rel = output.relativize(file).toString();
        if (value.startsWith("/")) {
            out.add(rel + ": " + attr + "=" + value + " (starts with /)");
            return;
        }
        String path = value.replaceAll("[#?].*$", "");
        if (path.isEmpty()) return;
        Path target = file.getParent().resolve(URLDecoder.decode(path, StandardCharsets.UTF_8)).normalize();
        if (!target.startsWith(output)) {
            out.add(rel + ": " + attr + "=" + value + " (leaves the site)");
        } else if (Files.isDirectory(target) ? !Files.exists(target.resolve("index.html")) : !Files.exists(target)) {
            out.add(rel + ": " + attr + "=" + value + " (no such file)");
        }
    }
}
