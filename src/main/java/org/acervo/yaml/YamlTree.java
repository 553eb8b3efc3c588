package org.acervo.yaml;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acervo.problem.Problems;
import org.acervo.problem.SourceLocation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML with SnakeYAML's composer, so that every value keeps its line and column,
 * and turns syntax errors into problems an editor can act on. Duplicate keys, alias
 * bombs and deep nesting are errors here, not silently accepted.
 */
public final class YamlTree {
    /** How many nodes a document may expand to through aliases before it counts as a bomb. */
    static final int MAX_NODES = 100_000;
    private static final int MAX_DEPTH = 60;

    private final Path file;
    private final int firstLine;
    private final Problems problems;

    /**
     * @param file      path shown in messages
     * @param firstLine the file line on which the YAML text starts (1-based)
     */
    public YamlTree(Path file, int firstLine, Problems problems) {
        this.file = file;
        this.firstLine = firstLine;
        this.problems = problems;
    }

    /** Parses one document; empty text gives an empty mapping. Problems are reported, not thrown. */
    public Optional<Node> parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(Math.max(3 * 1024 * 1024, text.length() + 1));
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try {
            Node node = yaml.compose(new StringReader(text));
            return Optional.ofNullable(node);
        } catch (MarkedYAMLException e) {
            // an unclosed quote or bracket is found only at the end of the text: point at where it was opened
            boolean atEnd = String.valueOf(e.getProblem()).contains("end of stream") || String.valueOf(e.getProblem()).contains("<stream end>");
            Mark mark = atEnd && e.getContextMark() != null ? e.getContextMark()
                    : e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? firstLine : firstLine + mark.getLine();
            int col = mark == null ? 1 : mark.getColumn() + 1;
            problems.error(file, line, col, "invalid YAML: " + describe(e), hintFor(e, text));
        } catch (YAMLException e) {
            problems.error(file, firstLine, 1, "invalid YAML: " + firstLineOf(e.getMessage()),
                    "check the front matter between the --- lines");
        } catch (StackOverflowError e) {
            problems.error(file, firstLine, 1, "YAML nested too deeply", "flatten the nested lists or maps");
        }
        return Optional.empty();
    }

    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        String s = (context.isBlank() ? problem : context + ", " + problem).trim();
        return s.isEmpty() ? firstLineOf(e.getMessage()) : s.replace('\n', ' ');
    }

    private static String firstLineOf(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String hintFor(MarkedYAMLException e, String text) {
        String p = String.valueOf(e.getProblem()) + " " + String.valueOf(e.getContext());
        if (p.contains("\\t") || p.contains("'\t'") || p.contains("tab")) {
            return "YAML does not allow tabs for indentation: use spaces";
        }
        if (p.contains("end of stream") && (p.contains("quoted") || text.chars().filter(c -> c == '"').count() % 2 == 1)) {
            return "a quoted value is not closed: add the closing quote";
        }
        if (p.contains("<stream end>") && p.contains("flow sequence")) return "a list opened with [ is not closed: add the ]";
        if (p.contains("<stream end>") && p.contains("flow mapping")) return "a map opened with { is not closed: add the }";
        if (p.contains("aliases")) return "remove the repeated YAML aliases (*name)";
        if (p.contains("nesting depth")) return "flatten the nested lists or maps";
        if (p.contains("duplicate key") || p.contains("found duplicate")) return "each key may appear only once";
        if (p.contains("mapping values are not allowed")) {
            return "a value containing ': ' must be put in quotes, e.g. title: \"Agua: gestión\"";
        }
        return "write each line as key: value, indent nested values with spaces, quote values with special characters";
    }

    /** Location of a node in the file. */
    public SourceLocation where(Node node) {
        Mark m = node.getStartMark();
        return m == null ? SourceLocation.at(file, firstLine)
                : new SourceLocation(file, firstLine + m.getLine(), m.getColumn() + 1);
    }

    public Path file() {
        return file;
    }

    public Problems problems() {
        return problems;
    }

    /** Turns a node into plain Java values (String, Long, Double, Boolean, List, Map), reporting duplicate keys. */
    public Object toJava(Node node) {
        int[] budget = {MAX_NODES};
        try {
            return toJava(node, 0, budget);
        } catch (TooLarge e) {
            problems.error(where(node), "YAML expands to too many values (an alias bomb?)",
                    "remove the repeated YAML aliases (*name)");
            return null;
        }
    }

    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private Object toJava(Node node, int depth, int[] budget) {
        if (--budget[0] < 0 || depth > MAX_DEPTH) throw new TooLarge();
        if (node instanceof ScalarNode s) return scalar(s);
        if (node instanceof SequenceNode seq) {
            List<Object> list = new ArrayList<>(seq.getValue().size());
            for (Node n : seq.getValue()) list.add(toJava(n, depth + 1, budget));
            return list;
        }
        if (node instanceof MappingNode map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, NodeTuple> e : entries(map).entrySet()) {
                out.put(e.getKey(), toJava(e.getValue().getValueNode(), depth + 1, budget));
            }
            return out;
        }
        return null;
    }

    /** The entries of a mapping in order, by key text; a key given twice is reported once. */
    public Map<String, NodeTuple> entries(MappingNode map) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        Map<String, Node> firstSeen = new HashMap<>();
        for (NodeTuple t : map.getValue()) {
            Node k = t.getKeyNode();
            String key = k instanceof ScalarNode ks ? ks.getValue() : String.valueOf(toJava(k));
            if (firstSeen.containsKey(key)) {
                problems.error(where(k), "duplicate key '" + key + "' (first given on line "
                        + where(firstSeen.get(key)).line() + ")", "keep one of the two and delete the other");
                continue;
            }
            firstSeen.put(key, k);
            out.put(key, t);
        }
        return out;
    }

    static Object scalar(ScalarNode s) {
        String v = s.getValue();
        Tag tag = s.getTag();
        try {
            if (Tag.NULL.equals(tag)) return null;
            if (Tag.BOOL.equals(tag)) return switch (v.toLowerCase()) {
                case "true", "yes", "on", "y" -> Boolean.TRUE;
                default -> Boolean.FALSE;
            };
            if (Tag.INT.equals(tag)) return Long.parseLong(v.replace("_", "").replaceFirst("^\\+", ""));
            if (Tag.FLOAT.equals(tag)) return Double.parseDouble(v.replace("_", ""));
        } catch (NumberFormatException e) {
            return v;
        }
        return v;
    }
}
