package org.acervo.light;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.acervo.build.OutputFile;

/**
 * Resized images kept from one build to the next while previewing: an image whose bytes did not
 * change is not decoded and resized again (that took most of a rebuild of the demo site).
 * It also remembers which rendered pages have images (a page the preview did not render again
 * is the same file as before, and is not searched again). A one-off build uses an empty cache.
 */
public final class ImageCache {
    /** What was made for an image with these bytes: what is known of it and its smaller copies. */
    record Made(String hash, Optional<ImageVariants.Image> image, List<OutputFile> copies) {}

    private final Map<String, Made> byPath = new ConcurrentHashMap<>();
    /** By the rendered file itself (its bytes are compared by identity): the same object is the same page. */
    private final Map<OutputFile, Boolean> withImages = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    boolean hasImages(OutputFile page, java.util.function.Predicate<OutputFile> search) {
        Boolean known = withImages.get(page);
        if (known != null) return known;
        boolean found = search.test(page);
        withImages.put(page, found);
        return found;
    }

    Optional<Made> find(String path, String hash) {
        Made m = byPath.get(path);
        return m != null && m.hash().equals(hash) ? Optional.of(m) : Optional.empty();
    }

    void keep(String path, Made made) {
        byPath.put(path, made);
    }
}
