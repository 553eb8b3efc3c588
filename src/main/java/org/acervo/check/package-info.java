/**
 * What {@code acervo check} reports: the built site's links ({@link org.acervo.check.LinkChecker},
 * {@link org.acervo.check.ExternalLinkChecker}), the translation status of the sources
 * ({@link org.acervo.check.TranslationReport}) and the front matter rules of site.yaml
 * ({@link org.acervo.check.FrontMatterRulesCheck}). Sources in, reports out.
 */
package org.acervo.check;
