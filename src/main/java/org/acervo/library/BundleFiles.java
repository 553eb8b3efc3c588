package org.acervo.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.acervo.content.ContentTree;
import org.acervo.model.Page;

/**
 * The files of page bundles as they are published: site path ({@code /es/manuales/x/guia.pdf})
 * to the file in content/, so that sizes come from the files themselves at build time.
 */
public final class BundleFiles {
    private final Map<String, Path> bySitePath;

    private BundleFiles(Map<String, Path> bySitePath) {
        this.bySitePath = Map.copyOf(bySitePath);
    }

    public static BundleFiles of(ContentTree tree, List<Page> pages) {
        Map<String, Path> out = new HashMap<>();
        for (Page p : pages) {
            if (p.bundleDir().isEmpty()) continue;
            String dir = p.bundleDir().get();
            for (String r : tree.resources()) {
                if (r.startsWith(dir + "/") && tree.bundleOf(r).map(dir::equals).orElse(false)) {
                    out.put("/" + p.path() + r.substring(dir.length() + 1), tree.contentDir().resolve(r));
                }
            }
        }
        return new BundleFiles(out);
    }

    /** The size of a published bundle file, if the site path is one. */
    public OptionalLong size(String sitePath) {
        Path f = bySitePath.get(stripFragment(sitePath));
        if (f == null) return OptionalLong.empty();
        try {
            return OptionalLong.of(Files.size(f));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    static String stripFragment(String path) {
        int cut = path.indexOf('#');
        if (cut < 0) cut = path.indexOf('?');
        String p = cut < 0 ? path : path.substring(0, cut);
        return org.acervo.util.Slugs.decodePath(p);
    }
}
