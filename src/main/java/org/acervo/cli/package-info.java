/** Command line (picocli): build and the other commands; exit 0 built, 1 content problems, 2 usage. */
package org.acervo.cli;
