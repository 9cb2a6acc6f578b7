package dev.ingate.config;

import dev.ingate.config.YamlNodes.Entry;
import dev.ingate.config.YamlNodes.Scalar;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code guardrails:} section: a list of named rules, e.g.
 * {@code { name: no-pii, on: input, type: pii, kinds: [email, phone], action: redact }}.
 */
final class GuardrailParser {

    static final List<String> RULE_KEYS = List.of("name", "on", "type", "action", "kinds", "pattern", "limit", "allowed", "threshold");
    static final List<String> TYPES = List.of("regex", "pii", "max_tokens", "models", "prompt_injection");
    static final List<String> ACTIONS = List.of("block", "redact", "log");
    static final List<String> DIRECTIONS = List.of("input", "output", "both");
    /** The pii kinds' wire names; kept here so config does not depend on the guard package. */
    static final List<String> KINDS = List.of("email", "phone", "credit_card", "iban", "ssn", "ip", "secret");
    /** Each type's own keys besides name, on, type and action. */
    private static final Map<String, List<String>> TYPE_KEYS = Map.of(
            "regex", List.of("pattern"),
            "pii", List.of("kinds"),
            "max_tokens", List.of("limit"),
            "models", List.of("allowed"),
            "prompt_injection", List.of("threshold"));

    private final YamlNodes y;

    GuardrailParser(YamlNodes y) {
        this.y = y;
    }

    List<GuardrailEntry> guardrails(Node node) {
        List<GuardrailEntry> out = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        List<Node> items = y.sequence(node, "guardrails");
        for (int i = 0; i < items.size(); i++) {
            String p = "guardrails[" + i + "]";
            Map<String, Entry> f = y.fields(items.get(i), p, RULE_KEYS);
            String name = y.required(f, "name", items.get(i), p);
            Integer same = names.putIfAbsent(name, i);
            if (same != null) {
                throw y.error(f.get("name").value(), p + ".name", "duplicate name \"" + name + "\" (also guardrails[" + same + "])");
            }
            String type = oneOf(f, "type", TYPES, null, items.get(i), p);
            String on = oneOf(f, "on", DIRECTIONS, "input", items.get(i), p);
            String action = oneOf(f, "action", ACTIONS, "block", items.get(i), p);
            for (String key : RULE_KEYS.subList(4, RULE_KEYS.size())) {
                if (f.containsKey(key) && !TYPE_KEYS.get(type).contains(key)) {
                    throw y.error(f.get(key).keyNode(), p + "." + key, "does not apply to type " + type);
                }
            }
            if (action.equals("redact") && !type.equals("regex") && !type.equals("pii")) {
                throw y.error(f.get("action").value(), p + ".action", "redact applies to regex and pii rules only (use block or log)");
            }
            if (!on.equals("input") && !type.equals("regex") && !type.equals("pii")) {
                throw y.error(f.get("on").value(), p + ".on", "a " + type + " rule checks the input only");
            }
            out.add(new GuardrailEntry(name, !on.equals("output"), !on.equals("input"), type, action,
                    type.equals("pii") ? kinds(f, p) : List.of(),
                    type.equals("regex") ? Optional.of(pattern(f, items.get(i), p)) : Optional.empty(),
                    type.equals("max_tokens") ? limit(f, items.get(i), p) : 0,
                    type.equals("models") ? allowed(f, items.get(i), p) : List.of(),
                    type.equals("prompt_injection") ? threshold(f, p) : 0));
        }
        return List.copyOf(out);
    }

    private String oneOf(Map<String, Entry> f, String key, List<String> allowed, String fallback, Node parent, String p) {
        Optional<String> value = y.optString(f.get(key), p + "." + key);
        if (value.isEmpty()) {
            if (fallback == null) {
                throw y.error(parent, p, "missing required key \"" + key + "\" (one of: " + String.join(", ", allowed) + ")");
            }
            return fallback;
        }
        if (!allowed.contains(value.get())) {
            throw y.error(f.get(key).value(), p + "." + key,
                    "unknown " + key + " \"" + value.get() + "\" (expected one of: " + String.join(", ", allowed) + ")");
        }
        return value.get();
    }

    /** No kinds named: every kind. */
    private List<String> kinds(Map<String, Entry> f, String p) {
        Entry e = f.get("kinds");
        if (e == null) {
            return KINDS;
        }
        List<String> kinds = new ArrayList<>();
        List<Scalar> items = y.stringList(e.value(), p + ".kinds");
        for (int i = 0; i < items.size(); i++) {
            Scalar s = items.get(i);
            if (!KINDS.contains(s.text())) {
                throw y.error(s.node(), p + ".kinds[" + i + "]",
                        "unknown kind \"" + s.text() + "\" (expected one of: " + String.join(", ", KINDS) + ")");
            }
            kinds.add(s.text());
        }
        if (kinds.isEmpty()) {
            throw y.error(e.value(), p + ".kinds", "empty (leave it out for every kind)");
        }
        return kinds;
    }

    private Pattern pattern(Map<String, Entry> f, Node parent, String p) {
        String regex = y.required(f, "pattern", parent, p);
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw y.error(f.get("pattern").value(), p + ".pattern", "invalid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex());
        }
    }

    private int limit(Map<String, Entry> f, Node parent, String p) {
        if (!f.containsKey("limit")) {
            throw y.error(parent, p, "missing required key \"limit\"");
        }
        return y.optInt(f.get("limit"), p + ".limit", 1).orElseThrow(() -> y.error(f.get("limit").value(), p + ".limit", "empty"));
    }

    private List<String> allowed(Map<String, Entry> f, Node parent, String p) {
        if (!f.containsKey("allowed")) {
            throw y.error(parent, p, "missing required key \"allowed\" (model names or globs)");
        }
        List<String> allowed = y.stringList(f.get("allowed").value(), p + ".allowed").stream().map(Scalar::text).toList();
        if (allowed.isEmpty()) {
            throw y.error(f.get("allowed").value(), p + ".allowed", "empty (name at least one model or glob)");
        }
        return allowed;
    }

    private double threshold(Map<String, Entry> f, String p) {
        Optional<String> text = y.optString(f.get("threshold"), p + ".threshold");
        if (text.isEmpty()) {
            return 1.0;
        }
        try {
            double value = Double.parseDouble(text.get().strip());
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw y.error(f.get("threshold").value(), p + ".threshold", "expected a number above 0, got \"" + text.get() + "\"");
        }
    }
}
