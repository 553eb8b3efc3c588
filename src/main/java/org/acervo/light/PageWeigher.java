package org.acervo.light;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.acervo.light.PageWeight.Part;
import org.acervo.light.PageWeight.Type;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Weighs a finished page the way a phone loads it: the HTML, its style sheets, scripts and icon,
 * and for each image the file a 360 px wide phone at 2x picks from {@code srcset} (lazy images
 * count too: a reader scrolling the page gets them).
 */
final class PageWeigher {
    /** What a page loads besides itself, in order, and its kind ({@code body[data-kind]}): all the weigher needs of its HTML. */
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    record Loads(String kind, List<Load> loads) {
        /** Read from the parsed page (parsed once for other work: see {@link OfflineBundle#zip}). */
        static Loads of(Document doc) {
            Collector loads = new Collector();
            for (Element e : doc.getAllElements()) { // one walk, in the order of three selections: links, scripts, images
                if (e.nameIs("link") && e.hasAttr("href")) {
                    loads.link(e.attr("rel"), e.attr("href"));
                } else if (e.nameIs("script") && e.hasAttr("src")) {
                    loads.script(e.attr("src"));
                } else if (e.nameIs("img")) {
                    loads.images.add(new Load(chosen(e), Type.IMAGE));
                }
            }
            Element body = doc.body();
            return loads.loads(body == null ? "" : body.attr("data-kind"));
        }

        /** What a page loads, met in its order: style sheets and icons first, then scripts, then images. */
        static final class Collector {
            private final List<Load> css = new ArrayList<>();
            private final List<Load> js = new ArrayList<>();
            private final List<Load> images = new ArrayList<>();

            /** A {@code link} with an {@code href}. */
            void link(String rel, String href) {
                // a list, not Set.of: rel="icon icon" is odd but valid, and Set.of would throw on the repeat
                List<String> rels = List.of(SPACES.split(rel.toLowerCase(java.util.Locale.ROOT)));
                Type type = rels.contains("stylesheet") ? Type.CSS : rels.contains("icon") ? Type.ICON : null;
                if (type != null) css.add(new Load(href, type));
            }

            /** A {@code script} with a {@code src}. */
            void script(String src) {
                js.add(new Load(src, Type.JS));
            }

            Loads loads(String kind) {
                List<Load> all = new ArrayList<>(css);
                all.addAll(js);
                all.addAll(images);
                return new Loads(kind, all);
            }
        }
    }

    /** A URL the page loads, as written in it. */
    record Load(String url, Type type) {}

    /** The sizes of output files, as they are and on the wire (gzip for text). */
    interface Sizes {
        boolean contains(String path);

        long size(String path);

        long gzipSize(String path);
    }

    private final Sizes files;
    private final java.util.function.Function<String, Loads> known;

    /** @param known what each page loads, read while it was parsed for other work */
    PageWeigher(Sizes files, java.util.function.Function<String, Loads> known) {
        this.files = files;
        this.known = known;
    }

    PageWeight weigh(String pageFile) {
        Loads page = known.apply(pageFile);
        if (page == null) throw new IllegalStateException("no loads known for " + pageFile);
        List<Part> parts = new ArrayList<>();
        parts.add(part(pageFile, Type.HTML));
        Set<String> seen = new LinkedHashSet<>();
        seen.add(pageFile);
        for (Load l : page.loads()) add(parts, seen, pageFile, l.url(), l.type());
        return new PageWeight(pageFile, page.kind(), parts);
    }

    private void add(List<Part> parts, Set<String> seen, String pageFile, String url, Type type) {
        Optional<String> path = PageImages.localPath(pageFile, url);
        if (path.isPresent() && files.contains(path.get()) && seen.add(path.get())) parts.add(part(path.get(), type));
    }

    private Part part(String path, Type type) {
        return new Part(path, type, files.size(path), files.gzipSize(path));
    }

    /** The {@code srcset} candidate for a 720 px slot (360 CSS px at 2x), else {@code src}. */
    static String chosen(Element img) {
        String best = null;
        int bestWidth = 0;
        String largest = null;
        int largestWidth = 0;
        for (String candidate : img.attr("srcset").split(",")) {
            String[] p = SPACES.split(candidate.trim());
            if (p.length < 2 || !p[1].endsWith("w")) continue;
            int w;
            try {
                w = Integer.parseInt(p[1].substring(0, p[1].length() - 1));
            } catch (NumberFormatException e) {
                continue;
            }
            if (w >= PageImages.DEFAULT_WIDTH && (best == null || w < bestWidth)) {
                best = p[0];
                bestWidth = w;
            }
            if (w > largestWidth) {
                largest = p[0];
                largestWidth = w;
            }
        }
        return best != null ? best : largest != null ? largest : img.attr("src");
    }
}
