package org.acervo.safety;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Fingerprints of folders, to prove that a failed or killed build changed nothing it must not. */
final class SiteSnapshot {
    private SiteSnapshot() {}

    /** One hash over every file's relative path and bytes; "absent" when the folder does not exist. */
    static String treeHash(Path dir) {
        if (!Files.isDirectory(dir)) return "absent";
        try (Stream<Path> s = Files.walk(dir)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                md.update(dir.relativize(p).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Files.readAllBytes(p));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every path under {@code dir} except inside {@code skip}, with size and modification time for
     * files: a changed, added or removed file anywhere shows up as a difference.
     */
    static List<String> listing(Path dir, Path skip) {
        TreeMap<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> !p.startsWith(skip) || p.equals(skip)).forEach(p -> {
                try {
                    String attrs = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                            ? Files.size(p) + "@" + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() : "";
                    out.put(dir.relativize(p).toString(), attrs);
                } catch (IOException e) {
                    out.put(dir.relativize(p).toString(), "unreadable");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
    }
}
