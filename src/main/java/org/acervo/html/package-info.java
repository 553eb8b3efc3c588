/** Finished HTML -> HTML whose internal links are relative (jsoup), so the output works on any host, sub-path or disk. */
package org.acervo.html;
