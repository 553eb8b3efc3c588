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
 * The files of the build cache: a header line that names the format, then data written with {@link DataOutputStream},
 * then a CRC-32C of that data. A file written by another version of the format, cut short, damaged (a byte changed on
 * the disk or by hand: the checksum differs) or unreadable reads as absent: the cache is only ever a shortcut, and the
 * build does the work instead. Files are written beside their place and moved in, so a build killed while saving leaves
 * the last complete file.
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

    /** What {@code body} writes, in memory: a result kept inside a cache file (see {@link KeptResults}). */
    public static byte[] bytes(Body body) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            body.write(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // in memory: never
        }
        return bytes.toByteArray();
    }

    /**
     * What {@code reader} reads of bytes {@link #bytes} made; empty when it gives null (the bytes do not fit what they
     * are read for), fails, or leaves bytes over.
     */
    public static <T> java.util.Optional<T> fromBytes(byte[] b, Reader<T> reader) {
        try (DataInputStream in = ArrayInput.of(b, 0, b.length)) {
            T t = reader.read(in);
            return in.available() == 0 ? java.util.Optional.ofNullable(t) : java.util.Optional.empty();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    public static void write(Path file, String format, Body body) throws IOException {
        moveIn(writeBeside(file, format, body), file);
    }

    /** Writes what {@code file} is to hold beside it, for {@link #moveIn} once it may replace it; returns where. */
    public static Path writeBeside(Path file, String format, Body body) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".new-" + ProcessHandle.current().pid());
        try (java.io.OutputStream bytes = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
            new DataOutputStream(bytes).writeUTF(format);
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            DataOutputStream out = new DataOutputStream(new java.util.zip.CheckedOutputStream(bytes, crc));
            body.write(out);
            out.flush();
            new DataOutputStream(bytes).writeInt((int) crc.getValue());
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
        return readPlaced(file, format, (bytes, in) -> reader.read(in));
    }

    /** A file's bytes as read: where a reader is in them, to note where an entry is for a copy of it later. */
    public static final class Bytes {
        private final byte[] bytes;
        private final int end;

        private Bytes(byte[] bytes, int end) {
            this.bytes = bytes;
            this.end = end;
        }

        /** The offset in the file of what {@code in} (reading these bytes) reads next. */
        public int position(DataInputStream in) throws IOException {
            return end - in.available();
        }

        /** Where bytes {@code from} to {@code to} are, with their CRC-32C. */
        public Range raw(int from, int to) {
            return new Range(from, to - from, crc32c(bytes, from, to - from));
        }
    }

    /** Where an entry's bytes are in a cache file, and their CRC-32C, which a copy of them must have. */
    public record Range(long offset, int length, int crc) {}

    /** Copies entries out of a cache file as it was read (see {@link Bytes#raw}). */
    public static final class Copier implements java.io.Closeable {
        private final java.nio.channels.FileChannel from;

        private Copier(java.nio.channels.FileChannel from) {
            this.from = from;
        }

        /** The bytes of {@code at}, when the file still holds them (the same CRC); else null. */
        public byte[] copy(Range at) {
            byte[] b = from == null ? null : readAt(from, at.offset(), at.length());
            return b != null && crc32c(b, 0, b.length) == at.crc() ? b : null;
        }

        @Override
        public void close() throws IOException {
            if (from != null) from.close();
        }
    }

    /** {@code length} bytes of {@code channel} from {@code offset}; null when it holds fewer or cannot be read. */
    public static byte[] readAt(java.nio.channels.FileChannel channel, long offset, int length) {
        byte[] b = new byte[length];
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(b);
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) return null;
            }
        } catch (IOException e) {
            return null;
        }
        return b;
    }

    private static int crc32c(byte[] b, int from, int length) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(b, from, length);
        return (int) crc.getValue();
    }

    /** A copier of entries of {@code file}; one that copies nothing when the file cannot be opened. */
    public static Copier copier(Path file) {
        try {
            return new Copier(java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ));
        } catch (IOException e) {
            return new Copier(null);
        }
    }

    /** A reader that is told where it is in the file. */
    public interface PlacedReader<T> {
        T read(Bytes file, DataInputStream in) throws IOException;
    }

    /** As {@link #read}, for a reader that notes where entries are in the file. */
    public static <T> T readPlaced(Path file, String format, PlacedReader<T> reader) {
        if (!Files.isRegularFile(file)) return null;
        try {
            byte[] bytes = Files.readAllBytes(file);
            DataInputStream head = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
            if (!head.readUTF().equals(format)) return null;
            int start = bytes.length - head.available();
            int end = bytes.length - 4;
            if (end < start) return null;
            if (crc32c(bytes, start, end - start) != java.nio.ByteBuffer.wrap(bytes, end, 4).getInt()) return null;
            return reader.read(new Bytes(bytes, end), ArrayInput.of(bytes, start, end - start));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A string of any length (writeUTF stops at 64 KB), as UTF-8; one that UTF-8 cannot hold (a lone surrogate, which a
     * YAML escape can make, and which UTF-8 writes as '?') as its UTF-16 units, after a negative length, so that it reads
     * back as it was.
     */
    public static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (Utf8.hasLoneSurrogate(s, b)) {
            out.writeInt(-1 - s.length());
            out.writeChars(s);
            return;
        }
        out.writeInt(b.length);
        out.write(b);
    }

    /** @param in over the bytes of a whole file (see {@link #read}), so that a length past its end is caught */
    public static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            int chars = -1 - n;
            if (chars < 0 || chars > in.available() / 2) throw new IOException("a length past the end of the file");
            char[] c = new char[chars];
            for (int i = 0; i < chars; i++) c[i] = in.readChar();
            return new String(c);
        }
        if (n > in.available()) throw new IOException("a length past the end of the file");
        if (in instanceof ArrayInput a) return a.utf8(n);
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /**
     * A cache file's bytes, read as a DataInputStream reads: over a stream without ByteArrayInputStream's lock, which it
     * takes for every byte (four for each number, and the files hold hundreds of thousands), and with texts decoded
     * straight from the bytes rather than from a copy of them.
     */
    private static final class ArrayInput extends DataInputStream {
        private final ArrayStream bytes;

        private ArrayInput(ArrayStream bytes) {
            super(bytes);
            this.bytes = bytes;
        }

        static ArrayInput of(byte[] b, int from, int length) {
            return new ArrayInput(new ArrayStream(b, from, from + length));
        }

        /** The next {@code n} bytes (no more than are left) as UTF-8. */
        String utf8(int n) {
            String s = new String(bytes.b, bytes.at, n, StandardCharsets.UTF_8);
            bytes.at += n;
            return s;
        }
    }

    private static final class ArrayStream extends java.io.InputStream {
        final byte[] b;
        int at;
        final int end;

        ArrayStream(byte[] b, int from, int end) {
            this.b = b;
            this.at = from;
            this.end = end;
        }

        @Override
        public int read() {
            return at < end ? b[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] to, int off, int len) {
            java.util.Objects.checkFromIndexSize(off, len, to.length);
            if (len == 0) return 0;
            int n = Math.min(len, end - at);
            if (n <= 0) return -1;
            System.arraycopy(b, at, to, off, n);
            at += n;
            return n;
        }

        @Override
        public int available() {
            return end - at;
        }

        @Override
        public long skip(long n) {
            long k = Math.max(0, Math.min(n, end - at));
            at += (int) k;
            return k;
        }
    }
}
