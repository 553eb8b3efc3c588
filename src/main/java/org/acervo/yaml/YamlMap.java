package org.acervo.yaml;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.acervo.problem.SourceLocation;
import org.acervo.problem.Suggestions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read for typed access: each getter reports a wrong type at the value's
 * own line and column and returns empty, so one pass over a file finds all its problems.
 */
public final class YamlMap {
    private final YamlTree tree;
    private final Node node;
    private final Map<String, NodeTuple> entries;

    private YamlMap(YamlTree tree, Node node, Map<String, NodeTuple> entries) {
        this.tree = tree;
        this.node = node;
        this.entries = entries;
    }

    /** Wraps a node that must be a mapping; anything else is reported and gives an empty map. */
    public static YamlMap of(YamlTree tree, Node node, String what) {
        if (node instanceof MappingNode m) return new YamlMap(tree, node, tree.entries(m));
        if (node != null && !(node instanceof ScalarNode s && Tag.NULL.equals(s.getTag()))) {
            tree.problems().error(tree.where(node), what + " must be a set of 'key: value' lines",
                    "write one 'key: value' per line");
        }
        return new YamlMap(tree, node, Map.of());
    }

    public YamlTree tree() {
        return tree;
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public SourceLocation where() {
        return node == null ? SourceLocation.at(tree.file(), 1) : tree.where(node);
    }

    public Optional<SourceLocation> whereKey(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? Optional.empty() : Optional.of(tree.where(t.getKeyNode()));
    }

    public Optional<SourceLocation> whereValue(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? Optional.empty() : Optional.of(tree.where(t.getValueNode()));
    }

    public Optional<Node> node(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? Optional.empty() : Optional.of(t.getValueNode());
    }

    /** Reports every key not in {@code allowed}, with the nearest allowed name. */
    public void allowOnly(Collection<String> allowed, String where) {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                tree.problems().error(tree.where(e.getValue().getKeyNode()),
                        "unknown key '" + e.getKey() + "' in " + where,
                        Suggestions.nearest(e.getKey(), allowed).map(s -> "did you mean '" + s + "'? ").orElse("")
                                + "allowed keys: " + String.join(", ", allowed));
            }
        }
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    /** A scalar value as text (numbers and booleans too); a list or map is reported. */
    public Optional<String> string(String key) {
        Optional<Node> n = node(key);
        if (n.isEmpty() || isNull(n.get())) return Optional.empty();
        if (n.get() instanceof ScalarNode s) return Optional.of(s.getValue());
        tree.problems().error(tree.where(n.get()), "'" + key + "' must be a single value, not a list or map",
                "write it on one line: " + key + ": value");
        return Optional.empty();
    }

    public String string(String key, String fallback) {
        return string(key).orElse(fallback);
    }

    public Optional<Long> integer(String key) {
        Optional<Node> n = node(key);
        if (n.isEmpty() || isNull(n.get())) return Optional.empty();
        if (n.get() instanceof ScalarNode s && YamlTree.scalar(s) instanceof Long l) return Optional.of(l);
        tree.problems().error(tree.where(n.get()), "'" + key + "' must be a whole number", "for example: " + key + ": 10");
        return Optional.empty();
    }

    public Optional<Boolean> bool(String key) {
        Optional<Node> n = node(key);
        if (n.isEmpty() || isNull(n.get())) return Optional.empty();
        if (n.get() instanceof ScalarNode s && YamlTree.scalar(s) instanceof Boolean b) return Optional.of(b);
        tree.problems().error(tree.where(n.get()), "'" + key + "' must be true or false", "write " + key + ": true or " + key + ": false");
        return Optional.empty();
    }

    /** A nested mapping; absent gives an empty map. */
    public YamlMap map(String key) {
        Optional<Node> n = node(key);
        return n.isEmpty() ? new YamlMap(tree, null, Map.of()) : YamlMap.of(tree, n.get(), "'" + key + "'");
    }

    /**
     * A list of text values. A single text value counts as a one-item list (real content
     * writes {@code tags: r} as often as {@code tags: [r]}); numbers and maps are reported.
     */
    public List<String> strings(String key) {
        Optional<Node> n = node(key);
        if (n.isEmpty() || isNull(n.get())) return List.of();
        Node v = n.get();
        if (v instanceof ScalarNode s) {
            if (YamlTree.scalar(s) instanceof String str) return str.isBlank() ? List.of() : List.of(str);
            tree.problems().error(tree.where(v), "'" + key + "' must be a list of words, not " + s.getValue(),
                    "for example: " + key + ": [agua, saneamiento]");
            return List.of();
        }
        if (v instanceof SequenceNode seq) {
            List<String> out = new ArrayList<>();
            for (Node item : seq.getValue()) {
                if (item instanceof ScalarNode s && !isNull(s)) {
                    out.add(s.getValue());
                } else if (!isNull(item)) {
                    tree.problems().error(tree.where(item), "each item of '" + key + "' must be a single value",
                            "write the list as " + key + ": [first, second]");
                }
            }
            return out;
        }
        tree.problems().error(tree.where(v), "'" + key + "' must be a list", "for example: " + key + ": [first, second]");
        return List.of();
    }

    /** A list of mappings (e.g. menu entries). */
    public List<YamlMap> maps(String key) {
        Optional<Node> n = node(key);
        if (n.isEmpty() || isNull(n.get())) return List.of();
        if (!(n.get() instanceof SequenceNode seq)) {
            tree.problems().error(tree.where(n.get()), "'" + key + "' must be a list", "start each item with '- '");
            return List.of();
        }
        List<YamlMap> out = new ArrayList<>();
        for (Node item : seq.getValue()) out.add(YamlMap.of(tree, item, "each item of '" + key + "'"));
        return out;
    }

    /** A mapping of text to text, such as {@code {es: Temas, en: Topics}}. */
    public Map<String, String> stringMap(String key) {
        YamlMap m = map(key);
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : m.keys()) m.string(k).ifPresent(v -> out.put(k, v));
        return out;
    }

    /** Every value as plain Java objects, for parameters that templates read freely. */
    public Object java(String key) {
        return node(key).map(tree::toJava).orElse(null);
    }
}
