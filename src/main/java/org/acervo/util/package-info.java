/** Small helpers shared by several phases: slugs and URL path encoding. */
package org.acervo.util;
