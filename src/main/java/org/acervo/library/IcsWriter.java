package org.acervo.library;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes one event as an iCalendar file (RFC 5545) that phones and desktop calendars import:
 * CRLF line ends, lines folded at 75 octets without splitting a UTF-8 character, text values
 * escaped ({@code \ , ;} and new lines), all-day events as {@code DTSTART;VALUE=DATE} with an
 * exclusive end date, timed events in UTC. The UID depends only on the event's translation
 * key and the site, so re-importing an updated file updates the calendar entry.
 */
public final class IcsWriter {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    /**
     * @param uid     stable identifier, e.g. {@code 3f2a...@biblioteca.example.org}
     * @param stamp   when this version of the event was written (the page's lastmod or date)
     * @param url     absolute address of the event page, or "" when the site has no baseURL
     */
    public String write(Event e, String uid, ZonedDateTime stamp, String description, String location, String url) {
        StringBuilder b = new StringBuilder();
        line(b, "BEGIN:VCALENDAR");
        line(b, "VERSION:2.0");
        line(b, "PRODID:-//Acervo//Acervo " + e.lang() + "//" + e.lang().toUpperCase(java.util.Locale.ROOT));
        line(b, "CALSCALE:GREGORIAN");
        line(b, "METHOD:PUBLISH");
        line(b, "BEGIN:VEVENT");
        line(b, "UID:" + uid);
        line(b, "DTSTAMP:" + utc(stamp));
        if (e.allDay()) {
            line(b, "DTSTART;VALUE=DATE:" + e.start().format(DAY));
            line(b, "DTEND;VALUE=DATE:" + e.end().toLocalDate().plusDays(1).format(DAY));
        } else {
            line(b, "DTSTART:" + utc(e.start()));
            if (e.end().isAfter(e.start())) line(b, "DTEND:" + utc(e.end()));
        }
        line(b, "SUMMARY:" + text(e.title()));
        if (!description.isBlank()) line(b, "DESCRIPTION:" + text(description));
        if (!location.isBlank()) line(b, "LOCATION:" + text(location));
        if (!url.isBlank()) line(b, "URL:" + url);
        line(b, "END:VEVENT");
        line(b, "END:VCALENDAR");
        return b.toString();
    }

    private static String utc(ZonedDateTime t) {
        return t.withZoneSameInstant(ZoneOffset.UTC).format(UTC);
    }

    /** Escapes a TEXT value (RFC 5545 section 3.3.11). */
    static String text(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    /** Appends a content line folded at 75 octets (section 3.1): continuation lines start with one space. */
    static void line(StringBuilder b, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int limit = 75;
        while (bytes.length - start > limit) {
            int end = start + limit;
            while ((bytes[end] & 0xC0) == 0x80) end--; // never cut inside a UTF-8 sequence
            b.append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n ");
            start = end;
            limit = 74; // the leading space counts toward the 75
        }
        b.append(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8)).append("\r\n");
    }
}
