/** Small helpers shared by several phases: slugs, URL path encoding, JSON, file sizes, daemon threads, and analysis run once per distinct word. */
package org.acervo.util;
