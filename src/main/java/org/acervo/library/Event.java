package org.acervo.library;

import java.time.ZonedDateTime;
import java.util.List;
import org.acervo.render.Views.Link;

/**
 * A dated page: an event, a workshop with its proceedings, a webinar with its recording.
 * Nullable fields are absent in the front matter (templates test them with {@code is not null}).
 *
 * @param end          the last day or the end time; equal to {@code start} when not given
 * @param allDay       dates written without a time
 * @param city         the host city's page, or null
 * @param participants how many took part, or -1
 * @param ics          site path of the event's iCalendar file (upcoming events only), or null
 */
public record Event(String title, String path, String lang, String section, String sectionTitle, String summary,
                    ZonedDateTime start, ZonedDateTime end, boolean allDay, Link city, long participants,
                    List<AgendaItem> agenda, List<Download> presentations, List<String> speakers, Download recording,
                    Download audio, Download slides, Download transcript, String poster, List<String> attendees,
                    boolean upcoming, String ics) {

    /** One line of a workshop's programme. */
    public record AgendaItem(String time, String title) {}

    /** True when the event lasts more than one calendar day. */
    public boolean severalDays() {
        return !start.toLocalDate().equals(end.toLocalDate());
    }
}
