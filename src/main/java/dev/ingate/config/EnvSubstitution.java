package dev.ingate.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code ${VAR}} and {@code ${VAR:-default}} in config values. An unset variable without a default becomes "";
 * a doubled dollar before a brace ({@code $${x}}) is written out as a literal {@code ${x}}.
 */
final class EnvSubstitution {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** @param emptyVars variables referenced without a default that were unset or empty, to explain an empty value */
    record Result(String value, List<String> emptyVars) {
    }

    private EnvSubstitution() {
    }

    /** @throws IllegalArgumentException on a malformed reference */
    static Result apply(String raw, Map<String, String> env) {
        if (raw.indexOf('$') < 0) {
            return new Result(raw, List.of());
        }
        StringBuilder out = new StringBuilder(raw.length());
        List<String> empty = new ArrayList<>();
        int i = 0;
        while (i < raw.length()) {
            if (raw.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (raw.startsWith("${", i)) {
                int close = raw.indexOf('}', i + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("unterminated ${ (write $${ for a literal ${)");
                }
                String body = raw.substring(i + 2, close);
                int sep = body.indexOf(":-");
                String name = sep < 0 ? body : body.substring(0, sep);
                if (!NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("invalid variable reference ${" + body + "} (write $${ for a literal ${)");
                }
                String value = env.get(name);
                if (value == null || value.isEmpty()) {
                    if (sep >= 0) {
                        value = body.substring(sep + 2);
                    } else {
                        empty.add(name);
                        value = "";
                    }
                }
                out.append(value);
                i = close + 1;
            } else {
                out.append(raw.charAt(i++));
            }
        }
        return new Result(out.toString(), List.copyOf(empty));
    }

    /** "INGATE_CI_KEY is not set", "A is not set, B is empty". */
    static String explain(List<String> vars, Map<String, String> env) {
        List<String> parts = new ArrayList<>();
        for (String v : vars) {
            parts.add(v + (env.containsKey(v) ? " is empty" : " is not set"));
        }
        return String.join(", ", parts);
    }
}
