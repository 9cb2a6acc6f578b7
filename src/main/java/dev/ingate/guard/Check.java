package dev.ingate.guard;

import dev.ingate.guard.detect.Detector;

import java.util.List;
import java.util.regex.Pattern;

/** What a rule looks at; everything compiled at config load. */
public sealed interface Check {

    /** regex and pii rules: findings in the text, which {@code redact} can replace. */
    record Matching(Detector detector) implements Check {
    }

    /** More input tokens than this, counted with the model's tokenizer (chars/4 for models without a public one). */
    record MaxTokens(int limit) implements Check {
    }

    /** The requested model must match one of these names or globs. */
    record AllowedModels(List<Pattern> allowed) implements Check {
    }

    /** The prompt-injection heuristic's score reaches this. */
    record Injection(double threshold) implements Check {
    }
}
