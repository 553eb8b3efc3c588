package org.acervo.light;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import org.acervo.light.ImageVariants.Candidate;
import org.acervo.light.ImageVariants.Image;
import org.acervo.html.HtmlFinisher;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Makes the images of a finished page light: JPEG and PNG get {@code srcset} with their smaller
 * copies, {@code sizes}, and the {@code width}/{@code height} of the copy in {@code src} (so the
 * layout does not jump); every image loads lazily and decodes asynchronously. An image file
 * heavier than the budget is never shown inline: JPEG and PNG show their copies within budget
 * and add a link to the original with its size; formats the build cannot resize (GIF, WebP,
 * AVIF...) are shown when within budget, else replaced by a link with their size. SVG is shown
 * as it is (vector, usually small, nothing to resize).
 */
final class PageImages {
    /** The column of the default theme: 40rem at most, the screen width less 2rem of padding on phones. */
    static final String SIZES = "(min-width: 42rem) 40rem, calc(100vw - 2rem)";
    /** The width a phone of 360 CSS px at 2x needs: the copy put in {@code src} for browsers without srcset. */
    static final int DEFAULT_WIDTH = 720;

    private static final HtmlFinisher LINKS = new HtmlFinisher(false);

    private final ImageVariants variants;
    private final long budget;
    private final BiFunction<String, String, String> strings;

    /** @param strings UI string for (language, key) */
    PageImages(ImageVariants variants, long budget, BiFunction<String, String, String> strings) {
        this.variants = variants;
        this.budget = budget;
        this.strings = strings;
    }

    void rewrite(Document doc, String pageFile) {
        String lang = doc.selectFirst("html") == null ? "en" : doc.selectFirst("html").attr("lang");
        for (Element img : doc.select("img[src]")) {
            img.attr("loading", "lazy").attr("decoding", "async");
            Optional<String> path = localPath(pageFile, img.attr("src"));
            if (path.isEmpty()) continue;
            Optional<Image> found = variants.image(path.get());
            if (found.isEmpty()) continue;
            Image image = found.get();
            String ext = Gzip.extension(image.path());
            if (ext.equals("svg")) continue;
            List<Candidate> shown = image.candidates().stream().filter(c -> c.bytes() <= budget).toList();
            if (!shown.isEmpty()) {
                Candidate src = shown.stream().filter(c -> c.width() >= DEFAULT_WIDTH).findFirst().orElse(shown.get(shown.size() - 1));
                img.attr("src", relative(pageFile, src.path()));
                if (shown.size() > 1) {
                    StringBuilder set = new StringBuilder();
                    for (Candidate c : shown) set.append(set.length() == 0 ? "" : ", ").append(relative(pageFile, c.path())).append(' ').append(c.width()).append('w');
                    img.attr("srcset", set.toString()).attr("sizes", SIZES);
                }
                img.attr("width", String.valueOf(src.width())).attr("height", String.valueOf(src.height()));
                if (image.bytes() > budget && img.closest("a") == null) {
                    Element link = new Element("a").attr("href", relative(pageFile, image.path()))
                            .addClass("image-original").text(strings.apply(lang, "image_original") + " (" + label(image, lang) + ")");
                    img.after(link);
                    img.after(" ");
                }
            } else if (image.candidates().isEmpty() && image.bytes() <= budget) {
                if (image.hasDimensions()) img.attr("width", String.valueOf(image.width())).attr("height", String.valueOf(image.height()));
            } else {
                String name = img.attr("alt").isBlank() ? image.path().substring(image.path().lastIndexOf('/') + 1) : img.attr("alt");
                Element link = new Element("a").attr("href", relative(pageFile, image.path())).addClass("image-link")
                        .text(name + " (" + strings.apply(lang, "image") + ", " + label(image, lang) + ")");
                img.replaceWith(link);
            }
        }
    }

    private static String label(Image image, String lang) {
        return Gzip.extension(image.path()).toUpperCase(Locale.ROOT).replace("JPG", "JPEG") + ", " + ByteSize.format(image.bytes(), lang);
    }

    /** The output path an image address of the page points to, when it is a file of the site. */
    static Optional<String> localPath(String pageFile, String src) {
        if (src.isBlank() || src.startsWith("/") || src.startsWith("#") || hasScheme(src)) return Optional.empty();
        Optional<String> quick = plainPath(pageFile, src);
        return quick != null ? quick : viaUri(pageFile, src);
    }

    private static boolean hasScheme(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ':') return i > 0;
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            if (!letter && (i == 0 || !(c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-'))) return false;
        }
        return false;
    }

    /**
     * The common case without building URIs (every link of every page comes here): a path of plain characters,
     * resolved segment by segment as RFC 3986 does; null when the address needs the full treatment (escapes, empty
     * segments, nothing before a query).
     */
    static Optional<String> plainPath(String pageFile, String src) {
        int end = src.length();
        char[] chars = src.toCharArray(); // not charAt, which checks its index on every call under the quick compiler
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_'
                    || c == '~' || c == '/';
            if (!plain) return null;
        }
        if (end == 0) return null;
        // the page's folder, then each segment of the address, on one buffer: ends[k] is where segment k ends in it
        StringBuilder path = new StringBuilder(pageFile.length() + end);
        int[] ends = new int[16];
        int depth = 0;
        int slash = pageFile.lastIndexOf('/');
        for (int from = 0; slash > 0; ) {
            int next = pageFile.indexOf('/', from);
            int stop = next < 0 || next > slash ? slash : next;
            ends = push(path, ends, depth++, pageFile, from, stop);
            if (stop == slash) break;
            from = stop + 1;
        }
        boolean folder = false;
        for (int from = 0; ; ) {
            int next = src.indexOf('/', from);
            if (next < 0 || next > end) next = end;
            int length = next - from;
            boolean last = next == end;
            boolean dot = length == 1 && src.charAt(from) == '.';
            boolean dotDot = length == 2 && src.charAt(from) == '.' && src.charAt(from + 1) == '.';
            folder = last && (length == 0 || dot || dotDot);
            if (length == 0) {
                if (!last) return null;
            } else if (dotDot) {
                if (depth == 0) return Optional.empty(); // above the site
                depth--;
                path.setLength(depth == 0 ? 0 : ends[depth - 1]);
            } else if (!dot) {
                ends = push(path, ends, depth++, src, from, next);
            }
            if (last) break;
            from = next + 1;
        }
        return Optional.of(folder && path.length() > 0 ? path.append('/').toString() : path.toString());
    }

    /** Appends segment {@code text[from, to)} as segment number {@code depth}; returns {@code ends}, grown if need be. */
    private static int[] push(StringBuilder path, int[] ends, int depth, String text, int from, int to) {
        if (depth > 0) path.append('/');
        path.append(text, from, to);
        if (depth == ends.length) ends = java.util.Arrays.copyOf(ends, depth * 2);
        ends[depth] = path.length();
        return ends;
    }

    static Optional<String> viaUri(String pageFile, String src) {
        try {
            URI resolved = URI.create("file:///site/" + pageFile).resolve(new URI(null, null, cut(src), null));
            String path = resolved.getPath();
            if (path == null || !path.startsWith("/site/")) return Optional.empty();
            return Optional.of(path.substring("/site/".length()));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String cut(String url) {
        int i = url.indexOf('#');
        int j = url.indexOf('?');
        int k = i < 0 ? j : j < 0 ? i : Math.min(i, j);
        String s = k < 0 ? url : url.substring(0, k);
        return org.acervo.util.Slugs.decodePath(s);
    }

    /** The address of an output file as seen from a page. */
    static String relative(String pageFile, String target) {
        String fromDir = pageFile.contains("/") ? pageFile.substring(0, pageFile.lastIndexOf('/') + 1) : "";
        return LINKS.relativize(fromDir, "/" + target);
    }
}
