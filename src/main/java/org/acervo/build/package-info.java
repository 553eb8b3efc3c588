/** Runs the phases in order (load, parse, locate, markdown, assemble, render, finish, write) and swaps the output in only on success. */
package org.acervo.build;
