/**
 * {@code acervo serve}: builds the site in memory, serves it on 127.0.0.1 with the JDK's HTTP
 * server, watches the site's files, rebuilds what an edit touches, and tells open browsers to
 * reload (server-sent events). While an edit has problems the last good site stays served, with
 * the problems shown on every page.
 */
package org.acervo.serve;
