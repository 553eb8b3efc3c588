/** YAML text -> SnakeYAML nodes with line and column, duplicate keys and alias bombs reported; typed access for config and front matter. */
package org.acervo.yaml;
