/** {@link org.acervo.model.Site} -> HTML pages (Pebble theme layouts, i18n strings, fingerprinted assets), feeds and sitemap. */
package org.acervo.render;
