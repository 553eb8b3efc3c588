/** content/ -> {@link org.acervo.content.SourceFile}s -> {@link org.acervo.content.ParsedSource}s (encoding checked, front matter typed, body split). */
package org.acervo.content;
