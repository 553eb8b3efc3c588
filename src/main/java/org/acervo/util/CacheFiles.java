package org.acervo.util;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The files of the build cache: a header line that names the format, then data written with {@link DataOutputStream}.
 * A file written by another version of the format, cut short or unreadable, reads as absent: the cache is only ever a
 * shortcut, and the build does the work instead. Files are written beside their place and moved in, so a build killed
 * while saving leaves the last complete file.
 */
public final class CacheFiles {
    private CacheFiles() {}

    /** Writes what {@code body} writes, after the header. */
    public interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads the data after the header. */
    public interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    public static void write(Path file, String format, Body body) throws IOException {
        moveIn(writeBeside(file, format, body), file);
    }

    /** Writes what {@code file} is to hold beside it, for {@link #moveIn} once it may replace it; returns where. */
    public static Path writeBeside(Path file, String format, Body body) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".new-" + ProcessHandle.current().pid());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
            out.writeUTF(format);
            body.write(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    public static void moveIn(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** What the file holds, or null when it is absent, of another format, or not whole. */
    public static <T> T read(Path file, String format, Reader<T> reader) {
        if (!Files.isRegularFile(file)) return null;
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(Files.readAllBytes(file)))) {
            if (!in.readUTF().equals(format)) return null;
            return reader.read(in);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A string of any length (writeUTF stops at 64 KB). */
    public static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** @param in over the bytes of a whole file (see {@link #read}), so that a length past its end is caught */
    public static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) throw new IOException("a length past the end of the file");
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
