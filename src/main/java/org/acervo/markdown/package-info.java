/** Markdown body -> sanitised HTML fragment ({@link org.acervo.model.Content}): flexmark, links to sources resolved, shortcodes, allow-list. */
package org.acervo.markdown;
