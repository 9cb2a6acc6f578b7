package dev.ingate.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One rule of {@code guardrails:}, checked: the type's own settings are present (and only those), a {@code regex}
 * pattern compiles, {@code redact} is used only by {@code regex} and {@code pii} rules.
 *
 * @param input     the rule looks at what goes upstream ({@code on: input} or {@code both})
 * @param output    the rule looks at the answer ({@code on: output} or {@code both})
 * @param type      regex | pii | max_tokens | models | prompt_injection
 * @param action    block | redact | log
 * @param kinds     pii: the kinds' wire names (email, phone, …)
 * @param pattern   regex: compiled at load
 * @param limit     max_tokens: the most input tokens allowed
 * @param allowed   models: names and globs of the models allowed
 * @param threshold prompt_injection: the score from which a text counts as an injection attempt
 */
public record GuardrailEntry(String name, boolean input, boolean output, String type, String action, List<String> kinds,
                             Optional<Pattern> pattern, int limit, List<String> allowed, double threshold) {

    public GuardrailEntry {
        kinds = List.copyOf(kinds);
        allowed = List.copyOf(allowed);
    }
}
