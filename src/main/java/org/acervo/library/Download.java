package org.acervo.library;

/**
 * A file readers can download: a file of a page bundle (its size read at build time) or an
 * external recording whose size the editor gave.
 *
 * @param href     site path ({@code /es/talleres/x/informe.pdf}) or an external address
 * @param type     what readers see as the type: {@code PDF}, {@code MP4}...
 * @param bytes    the size in bytes; -1 when unknown
 * @param speaker  who presented it, or ""
 * @param duration a recording's length as written ({@code 58 min}), or ""
 * @param page     site path of the page that offers the download
 * @param pageTitle title of that page
 */
public record Download(String title, String href, String type, long bytes, String speaker, String duration, String page,
                       String pageTitle) {
    public boolean external() {
        return !href.startsWith("/");
    }
}
