/**
 * The knowledge library's own kinds of content, read from front matter after the site is
 * assembled: downloads (type, size, estimated time at 256 kbit/s), events and proceedings
 * (workshops, webinars, minutes; upcoming and past; an iCalendar file per upcoming event),
 * curated collections (guided paths with previous and next), directories (communities,
 * cities with their content gathered, public member profiles) and the newsletter's e-mail
 * edition.
 *
 * <p>Input: the assembled {@link org.acervo.model.Site}, the files of page bundles and the
 * build's "now". Output: a {@link org.acervo.library.Library} that templates read as
 * {@code library}, plus extra output files (.ics, email.html). Wrong values are reported at
 * path:line like every other content problem.
 */
package org.acervo.library;
