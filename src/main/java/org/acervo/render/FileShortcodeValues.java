package org.acervo.render;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.acervo.markdown.Shortcode;
import org.acervo.model.Page;
import org.acervo.problem.Problems;

/**
 * For {@code download} and {@code video}: the file must exist (a page bundle file, or a file
 * of {@code static/} when the path starts with "/"); its size goes to the template as
 * {@code bytes.file}, {@code bytes.src}, {@code bytes.poster}, {@code bytes.audio}. Addresses
 * of other sites are allowed; their size is the {@code bytes} argument, if the editor gives it.
 */
public final class FileShortcodeValues implements ShortcodeValues {
    private final String required;
    private final Problems problems;

    /** @param required the argument that names the file ({@code file} for download, {@code src} for video) */
    public FileShortcodeValues(String required, Problems problems) {
        this.required = required;
        this.problems = problems;
    }

    @Override
    public Optional<Map<String, Object>> values(Shortcode sc, Page page) {
        String v = sc.named().getOrDefault(required, "");
        if (v.isBlank()) {
            problems.error(sc.where(), "the " + sc.name() + " shortcode needs " + required + "=\"...\"",
                    "write {{< " + sc.name() + " " + required + "=\"name-of-the-file\" title=\"...\" >}} with the file beside the page");
            return Optional.empty();
        }
        for (String key : new String[] {required, "poster", "audio"}) {
            String arg = sc.named().getOrDefault(key, "");
            if (arg.isBlank() || isRemote(arg) || sc.bytes().containsKey(key)) continue;
            // a relative link to a missing file was reported by the link resolver; a site path is reported here
            if (arg.startsWith("/")) {
                problems.error(sc.where(), sc.name() + " " + key + " '" + arg + "': there is no such file",
                        "put the file beside the page and write its name, or put it in the site's static/ folder");
            }
            return Optional.empty();
        }
        Map<String, Object> out = new HashMap<>();
        Map<String, Long> bytes = new HashMap<>(sc.bytes());
        String given = sc.named().getOrDefault("bytes", "").strip();
        if (!bytes.containsKey(required) && !given.isEmpty()) {
            // a file on another site: the editor may give its size, since Acervo cannot measure it
            if (!given.matches("\\d{1,15}")) {
                problems.error(sc.where(), "bytes=\"" + given + "\" is not a number of bytes", "write the size in bytes, e.g. bytes=\"48000000\"");
                return Optional.empty();
            }
            bytes.put(required, Long.parseLong(given));
        }
        out.put("bytes", bytes);
        out.put("remote", isRemote(v));
        return Optional.of(out);
    }

    private static boolean isRemote(String url) {
        return url.startsWith("//") || url.matches("(?i)^[a-z][a-z0-9+.-]*:.*");
    }
}
