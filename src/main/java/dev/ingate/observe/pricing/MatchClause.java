package dev.ingate.observe.pricing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A genai-prices match clause ({@code equals}, {@code starts_with}, {@code ends_with},
 * {@code contains}, {@code regex}, {@code or}, {@code and}) compiled once at load.
 *
 * <p>Semantics follow genai-prices' Python package, which produced the expected prices we test
 * against: the text is lower-cased by the caller, literal operands are lower-cased here, and a
 * regex is searched anywhere in the text ({@code re.search}, i.e. {@link java.util.regex.Matcher#find()}),
 * as written, so its own anchors decide. Regexes compile here, never per lookup.
 */
@FunctionalInterface
interface MatchClause {

    /** Never matches: for providers without a {@code provider_match} or {@code model_match}. */
    MatchClause NONE = text -> false;

    /** @param lowerText the identifier, already lower-cased and trimmed */
    boolean matches(String lowerText);

    /** Lower-cases and trims an identifier the way every lookup expects it. */
    static String normalize(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    /** Compiles a clause object; an absent/null node gives {@link #NONE}. */
    static MatchClause compile(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NONE;
        }
        if (!node.isObject() || node.size() != 1) {
            throw new IllegalArgumentException("a match clause has exactly one key: " + node);
        }
        Map.Entry<String, JsonNode> only = node.properties().iterator().next();
        String op = only.getKey();
        JsonNode arg = only.getValue();
        return switch (op) {
            case "or" -> anyOf(compileAll(arg));
            case "and" -> allOf(compileAll(arg));
            case "regex" -> regex(arg.asString());
            case "equals" -> equalsText(arg.asString());
            case "starts_with" -> startsWith(arg.asString());
            case "ends_with" -> endsWith(arg.asString());
            case "contains" -> contains(arg.asString());
            default -> throw new IllegalArgumentException("unknown match clause: " + op);
        };
    }

    static MatchClause equalsText(String operand) {
        String lower = normalizeOperand(operand);
        return text -> text.equals(lower);
    }

    static MatchClause startsWith(String operand) {
        String lower = normalizeOperand(operand);
        return text -> text.startsWith(lower);
    }

    static MatchClause endsWith(String operand) {
        String lower = normalizeOperand(operand);
        return text -> text.endsWith(lower);
    }

    static MatchClause contains(String operand) {
        String lower = normalizeOperand(operand);
        return text -> text.contains(lower);
    }

    static MatchClause regex(String pattern) {
        Pattern compiled = Pattern.compile(pattern);
        return text -> compiled.matcher(text).find();
    }

    static MatchClause anyOf(List<MatchClause> clauses) {
        MatchClause[] all = clauses.toArray(MatchClause[]::new);
        return text -> {
            for (MatchClause c : all) {
                if (c.matches(text)) {
                    return true;
                }
            }
            return false;
        };
    }

    static MatchClause allOf(List<MatchClause> clauses) {
        MatchClause[] all = clauses.toArray(MatchClause[]::new);
        return text -> {
            for (MatchClause c : all) {
                if (!c.matches(text)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static List<MatchClause> compileAll(JsonNode array) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("or/and takes a list of clauses: " + array);
        }
        List<MatchClause> out = new ArrayList<>(array.size());
        for (JsonNode child : array) {
            out.add(compile(child));
        }
        return out;
    }

    // Only lower-cased, not stripped: a deliberate leading/trailing character in the data stays.
    private static String normalizeOperand(String operand) {
        return operand.toLowerCase(Locale.ROOT);
    }
}
