/** {@code acervo new}: a new page from the theme's archetype, or a translation of an existing page. */
package org.acervo.scaffold;
