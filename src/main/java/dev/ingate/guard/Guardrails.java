package dev.ingate.guard;

import dev.ingate.config.GuardrailEntry;
import dev.ingate.glob.Globs;
import dev.ingate.guard.detect.AnyOf;
import dev.ingate.guard.detect.Detector;
import dev.ingate.guard.detect.PatternDetector;
import dev.ingate.guard.detect.PiiKind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of {@code guardrails:}, compiled once at start: the input rules, the output rules, and the PII detector
 * that redacts stored bodies (every kind any {@code pii} rule names, whatever that rule's action).
 */
public record Guardrails(List<GuardRule> inputRules, List<GuardRule> outputRules, Optional<Detector> storedBodyPii) {

    public static final Guardrails NONE = new Guardrails(List.of(), List.of(), Optional.empty());

    public Guardrails {
        inputRules = List.copyOf(inputRules);
        outputRules = List.copyOf(outputRules);
    }

    public static Guardrails compile(List<GuardrailEntry> entries) {
        List<GuardRule> input = new ArrayList<>();
        List<GuardRule> output = new ArrayList<>();
        Set<PiiKind> storedKinds = new LinkedHashSet<>();
        for (GuardrailEntry e : entries) {
            GuardRule rule = new GuardRule(e.name(), e.input(), e.output(), Action.valueOf(e.action().toUpperCase(Locale.ROOT)), check(e));
            if (rule.input()) {
                input.add(rule);
            }
            if (rule.output()) {
                output.add(rule);
            }
            if (e.type().equals("pii")) {
                e.kinds().forEach(k -> storedKinds.add(PiiKind.ofWireName(k).orElseThrow()));
            }
        }
        return new Guardrails(input, output, storedKinds.isEmpty() ? Optional.empty() : Optional.of(pii(storedKinds)));
    }

    public boolean isEmpty() {
        return inputRules.isEmpty() && outputRules.isEmpty() && storedBodyPii.isEmpty();
    }

    private static Check check(GuardrailEntry e) {
        return switch (e.type()) {
            case "regex" -> new Check.Matching(new PatternDetector(e.pattern().orElseThrow(), e.name()));
            case "pii" -> new Check.Matching(pii(e.kinds().stream().map(k -> PiiKind.ofWireName(k).orElseThrow()).toList()));
            case "max_tokens" -> new Check.MaxTokens(e.limit());
            case "models" -> new Check.AllowedModels(e.allowed().stream().map(m -> Globs.compile(m, false)).toList());
            case "prompt_injection" -> new Check.Injection(e.threshold());
            default -> throw new IllegalArgumentException("unknown guardrail type " + e.type());
        };
    }

    private static Detector pii(Iterable<PiiKind> kinds) {
        List<Detector> detectors = new ArrayList<>();
        kinds.forEach(k -> detectors.add(k.detector()));
        return new AnyOf(detectors);
    }

    /** For the model rule: whether {@code model} is one of the allowed names or globs. */
    static boolean allows(List<Pattern> allowed, String model) {
        return model != null && allowed.stream().anyMatch(p -> p.matcher(model).matches());
    }
}
