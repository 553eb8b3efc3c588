/** site.yaml -> {@link org.acervo.config.SiteConfig}: typed records, every unknown or mistyped key reported with its line. */
package org.acervo.config;
