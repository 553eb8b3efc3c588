/**
 * Making the output light, after rendering: responsive image sizes, minified HTML/CSS/JS,
 * page weights against the budgets of site.yaml (with a report for editors), the offline
 * bundles (zip files that open from disk), the opt-in service worker, and a precompressed
 * {@code .gz} beside every text file. Input: the rendered output files; output: the files to write.
 */
package org.acervo.light;
