package org.acervo.library;

import java.util.Locale;
import java.util.Set;

/** Which files count as downloads (documents, slides, sheets, audio, video, archives), by ending. */
final class DownloadTypes {
    private static final Set<String> ENDINGS = Set.of("pdf", "doc", "docx", "odt", "rtf", "ppt", "pptx", "odp", "xls", "xlsx",
            "ods", "csv", "epub", "mp3", "m4a", "ogg", "oga", "opus", "wav", "mp4", "m4v", "webm", "ogv", "zip", "txt", "vtt");

    private DownloadTypes() {}

    static boolean isDownload(String path) {
        return ENDINGS.contains(org.acervo.util.FileSizes.type(path).toLowerCase(Locale.ROOT));
    }
}
