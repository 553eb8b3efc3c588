/** The assembled site: immutable records passed from assembly to rendering, indexing and checks. */
package org.acervo.model;
