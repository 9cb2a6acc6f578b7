package dev.ingate.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Typed reads of SnakeYAML nodes for one file; every failure is a {@link ConfigException} with line and path. */
final class YamlNodes {

    record Entry(String key, Node keyNode, Node value) {
    }

    /**
     * A scalar after env substitution. {@code raw} is the text as written; {@code isNull} is a YAML null
     * ({@code ~}, {@code null} or nothing).
     */
    record Scalar(String text, String raw, boolean isNull, List<String> emptyVars, Node node) {
        boolean isEmpty() {
            return text.isEmpty();
        }
    }

    private final String fileName;
    private final Map<String, String> env;

    YamlNodes(String fileName, Map<String, String> env) {
        this.fileName = fileName;
        this.env = env;
    }

    ConfigException error(Node node, String path, String problem) {
        return new ConfigException(fileName, line(node), path, problem);
    }

    static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    static boolean isNull(Node node) {
        return node == null || (node instanceof ScalarNode s && Tag.NULL.equals(s.getTag()));
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The entries of a mapping in file order; null is an empty mapping. Keys must be unique scalars. */
    List<Entry> mapping(Node node, String path) {
        if (isNull(node)) {
            return List.of();
        }
        if (!(node instanceof MappingNode map)) {
            throw error(node, path, "expected a mapping, got " + describe(node));
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, Node> seen = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k) || isNull(k)) {
                throw error(t.getKeyNode(), path, "keys must be plain strings");
            }
            String key = k.getValue();
            Node previous = seen.putIfAbsent(key, k);
            if (previous != null) {
                throw error(k, child(path, key), "duplicate key (first at line " + line(previous) + ")");
            }
            entries.add(new Entry(key, k, t.getValueNode()));
        }
        return entries;
    }

    /** A mapping whose keys must all be in {@code allowed}; the result is keyed by name. */
    Map<String, Entry> fields(Node node, String path, List<String> allowed) {
        Map<String, Entry> byKey = new LinkedHashMap<>();
        for (Entry e : mapping(node, path)) {
            if (!allowed.contains(e.key())) {
                throw error(e.keyNode(), child(path, e.key()), "unknown key (expected one of: " + String.join(", ", allowed) + ")");
            }
            byKey.put(e.key(), e);
        }
        return byKey;
    }

    /** The items of a sequence; null is an empty sequence. */
    List<Node> sequence(Node node, String path) {
        if (isNull(node)) {
            return List.of();
        }
        if (!(node instanceof SequenceNode seq)) {
            throw error(node, path, "expected a list, got " + describe(node));
        }
        return seq.getValue();
    }

    /** A scalar with {@code ${ENV}} substituted; numbers and booleans are taken as their text. */
    Scalar scalar(Node node, String path) {
        if (!(node instanceof ScalarNode s)) {
            throw error(node, path, "expected a value, got " + describe(node));
        }
        if (isNull(s)) {
            return new Scalar("", s.getValue(), true, List.of(), s);
        }
        try {
            EnvSubstitution.Result r = EnvSubstitution.apply(s.getValue(), env);
            return new Scalar(r.value(), s.getValue(), false, r.emptyVars(), s);
        } catch (IllegalArgumentException e) {
            throw error(s, path, e.getMessage());
        }
    }

    /** An optional string: absent, null and "" (also after substitution) are all empty. */
    Optional<String> optString(Entry entry, String path) {
        if (entry == null) {
            return Optional.empty();
        }
        Scalar s = scalar(entry.value(), path);
        return s.isEmpty() ? Optional.empty() : Optional.of(s.text());
    }

    Optional<Boolean> optBoolean(Entry entry, String path) {
        if (entry == null) {
            return Optional.empty();
        }
        Scalar s = scalar(entry.value(), path);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        return switch (s.text().strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> Optional.of(true);
            case "false", "no", "off" -> Optional.of(false);
            default -> throw error(s.node(), path, "expected true or false, got \"" + s.text() + "\"");
        };
    }

    /** An optional whole number of at least {@code min}; a bad one is an error at its line. */
    Optional<Integer> optInt(Entry entry, String path, int min) {
        return optString(entry, path).map(text -> {
            int value;
            try {
                value = Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw error(entry.value(), path, "expected a whole number, got \"" + text + "\"");
            }
            if (value < min) {
                throw error(entry.value(), path, "must be at least " + min + ", got " + value);
            }
            return value;
        });
    }

    /** An optional byte size ({@link Units#parseSize}); a bad one is an error at its line. */
    Optional<Long> optSize(Entry entry, String path) {
        return optString(entry, path).map(s -> unit(() -> Units.parseSize(s), entry, path));
    }

    /** An optional duration ({@link Units#parseDuration}); a bad one is an error at its line. */
    Optional<java.time.Duration> optDuration(Entry entry, String path) {
        return optString(entry, path).map(s -> unit(() -> Units.parseDuration(s), entry, path));
    }

    private <T> T unit(java.util.function.Supplier<T> parse, Entry entry, String path) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw error(entry.value(), path, e.getMessage());
        }
    }

    /** A required non-empty string; the error for an empty one names the env vars that made it empty. */
    String required(Map<String, Entry> fields, String key, Node parent, String path) {
        Entry e = fields.get(key);
        String p = child(path, key);
        if (e == null) {
            throw error(parent, path, "missing required key \"" + key + "\"");
        }
        Scalar s = scalar(e.value(), p);
        if (s.isEmpty()) {
            throw error(s.node(), p, "empty" + explainEmpty(s));
        }
        return s.text();
    }

    /** " (INGATE_CI_KEY is not set)" when env substitution made the value empty, else "". */
    String explainEmpty(Scalar s) {
        return s.emptyVars().isEmpty() ? "" : " (" + EnvSubstitution.explain(s.emptyVars(), env) + ")";
    }

    /** A list of non-empty strings; null is an empty list. */
    List<Scalar> stringList(Node node, String path) {
        List<Scalar> out = new ArrayList<>();
        List<Node> items = sequence(node, path);
        for (int i = 0; i < items.size(); i++) {
            String p = path + "[" + i + "]";
            Scalar s = scalar(items.get(i), p);
            if (s.isEmpty()) {
                throw error(items.get(i), p, "empty" + explainEmpty(s));
            }
            out.add(s);
        }
        return out;
    }

    private static String describe(Node node) {
        return switch (node) {
            case MappingNode m -> "a mapping";
            case SequenceNode s -> "a list";
            case ScalarNode s -> s.getValue().length() > 40 ? "a long value" : "\"" + s.getValue() + "\"";
            default -> "a " + node.getNodeId();
        };
    }
}
