package org.acervo.light;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.acervo.build.OutputFile;

/**
 * Smaller copies of JPEG and PNG images, made with the JDK's ImageIO: {@code map.jpg} gets
 * {@code map.360w.jpg}, {@code map.720w.jpg} and {@code map.1080w.jpg}, each only when narrower
 * than the original (never upscaled). Each image is resized once however many pages show it.
 */
final class ImageVariants {
    /** Widths made for phones (360 CSS px at 1x and 2x) and for the widest column at 1.5x. */
    static final int[] WIDTHS = {360, 720, 1080};
    static final Set<String> RESIZABLE = Set.of("jpg", "jpeg", "png");
    private static final float JPEG_QUALITY = 0.8f;

    /** One file that can be shown for an image. */
    record Candidate(String path, int width, int height, long bytes) {}

    /** What is known of an image: its size in pixels (when readable) and the files that show it, smallest first. */
    record Image(String path, long bytes, int width, int height, List<Candidate> candidates) {
        boolean hasDimensions() {
            return width > 0 && height > 0;
        }
    }

    private final OutputFiles files;
    private final ImageCache kept;
    private final Map<String, Optional<Image>> cache = new ConcurrentHashMap<>();

    ImageVariants(OutputFiles files, ImageCache kept) {
        this.files = files;
        this.kept = kept;
    }

    /** The image at an output path, with its smaller copies made and added to the output; empty when it is not an output file. */
    Optional<Image> image(String path) {
        return cache.computeIfAbsent(path, this::loadOrReuse);
    }

    private Optional<Image> loadOrReuse(String path) {
        if (!files.contains(path)) return Optional.empty();
        byte[] bytes = files.bytes(path);
        String hash = org.acervo.content.ContentHash.full(bytes);
        Optional<ImageCache.Made> made = kept.find(path, hash);
        if (made.isPresent()) {
            made.get().copies().forEach(files::put);
            return made.get().image();
        }
        List<OutputFile> copies = new ArrayList<>();
        Optional<Image> image = load(path, bytes, copies);
        kept.keep(path, new ImageCache.Made(hash, image, List.copyOf(copies)));
        return image;
    }

    private Optional<Image> load(String path, byte[] bytes, List<OutputFile> copies) {
        String ext = Gzip.extension(path);
        if (!RESIZABLE.contains(ext)) {
            int[] size = dimensions(bytes);
            return Optional.of(new Image(path, bytes.length, size[0], size[1], List.of()));
        }
        BufferedImage original;
        try {
            original = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            original = null;
        }
        if (original == null) return Optional.of(new Image(path, bytes.length, 0, 0, List.of()));
        int w = original.getWidth();
        int h = original.getHeight();
        List<Candidate> out = new ArrayList<>();
        for (int width : WIDTHS) {
            if (width >= w) break;
            int height = Math.max(1, Math.round(h * (float) width / w));
            byte[] smaller = encode(scale(original, width, height, ext.equals("png") && original.getColorModel().hasAlpha()), ext);
            if (smaller.length >= bytes.length) continue; // a copy heavier than the original helps nobody
            String vpath = path.substring(0, path.length() - ext.length() - 1) + "." + width + "w." + ext;
            OutputFile copy = new OutputFile(vpath, smaller, null);
            files.put(copy);
            copies.add(copy);
            out.add(new Candidate(vpath, width, height, smaller.length));
        }
        out.add(new Candidate(path, w, h, bytes.length));
        return Optional.of(new Image(path, bytes.length, w, h, List.copyOf(out)));
    }

    /** Width and height from the file's header without decoding it (GIF, BMP...), or zeros. */
    private static int[] dimensions(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (readers.hasNext()) {
                ImageReader r = readers.next();
                try {
                    r.setInput(in);
                    return new int[] {r.getWidth(0), r.getHeight(0)};
                } finally {
                    r.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: shown without dimensions
        }
        return new int[] {0, 0};
    }

    /** Halves the image while it is more than twice too wide, then one bicubic step: sharp and smooth. */
    private static BufferedImage scale(BufferedImage src, int width, int height, boolean alpha) {
        BufferedImage current = src;
        int w = src.getWidth();
        int h = src.getHeight();
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        do {
            w = Math.max(width, w / 2 >= width ? w / 2 : width);
            h = w == width ? height : Math.max(height, h / 2);
            BufferedImage next = new BufferedImage(w, h, type);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                if (!alpha) {
                    g.setColor(java.awt.Color.WHITE); // a transparent PNG turned JPEG would go black
                    g.fillRect(0, 0, w, h);
                }
                g.drawImage(current, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            current = next;
        } while (w > width);
        return current;
    }

    private static byte[] encode(BufferedImage img, String ext) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (ext.equals("png")) {
                ImageIO.write(img, "png", out);
                return out.toByteArray();
            }
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
                writer.write(null, new IIOImage(img, null, null), param);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
