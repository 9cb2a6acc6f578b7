package dev.ingate.guard;

import dev.ingate.estimate.Tokenizer;
import dev.ingate.guard.detect.Match;
import dev.ingate.guard.detect.PromptInjection;
import dev.ingate.guard.text.JsonSplice;
import dev.ingate.guard.text.Redaction;
import dev.ingate.guard.text.Side;
import dev.ingate.guard.text.TextValue;
import dev.ingate.guard.text.TextValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rules applied to one body, a request's (input) or a whole answer's (output): pure, so it can run on the event loop
 * for small bodies and on a worker for big ones. Every rule sees the body as it came; the first blocking rule that
 * matches wins.
 */
public final class BodyCheck {

    /** Scores are sums of decimal weights: 0.6 + 0.4 must reach a threshold of 1.0. */
    private static final double EPSILON = 1e-9;

    private BodyCheck() {
    }

    public static Verdict evaluate(List<GuardRule> rules, byte[] body, int offset, int length, Side side, String model) {
        List<TextValue> texts = TextValues.scan(body, offset, length, side);
        Map<Integer, List<Match>> redactions = new TreeMap<>();
        List<String> passed = new ArrayList<>();
        for (GuardRule rule : rules) {
            boolean hit = switch (rule.check()) {
                case Check.AllowedModels m -> !Guardrails.allows(m.allowed(), model);
                case Check.MaxTokens m -> tokens(texts, model) > m.limit();
                case Check.Injection i -> PromptInjection.score(joined(texts)) >= i.threshold() - EPSILON;
                case Check.Matching m -> matches(rule, m, texts, redactions);
            };
            if (hit) {
                if (rule.action() == Action.BLOCK) {
                    return new Verdict(rule, null, List.of(rule.name()));
                }
                passed.add(rule.name());
            }
        }
        return new Verdict(null, redactions.isEmpty() ? null : redacted(body, offset, length, texts, redactions), List.copyOf(passed));
    }

    private static boolean matches(GuardRule rule, Check.Matching check, List<TextValue> texts, Map<Integer, List<Match>> redactions) {
        boolean hit = false;
        for (int i = 0; i < texts.size(); i++) {
            List<Match> found = check.detector().findAll(texts.get(i).text());
            if (!found.isEmpty()) {
                hit = true;
                if (rule.action() != Action.REDACT) {
                    return true;
                }
                redactions.computeIfAbsent(i, k -> new ArrayList<>()).addAll(found);
            }
        }
        return hit;
    }

    private static byte[] redacted(byte[] body, int offset, int length, List<TextValue> texts, Map<Integer, List<Match>> redactions) {
        List<JsonSplice.Replacement> replacements = new ArrayList<>();
        redactions.forEach((i, found) -> replacements.add(new JsonSplice.Replacement(texts.get(i), Redaction.apply(texts.get(i).text(), found))));
        return JsonSplice.apply(body, offset, length, replacements);
    }

    /** The tokens of the text the model reads, with the tokenizer /v1/estimate uses for the model. */
    static int tokens(List<TextValue> texts, String model) {
        Tokenizer tokenizer = Tokenizer.forModel(model);
        int total = 0;
        for (TextValue t : texts) {
            total += tokenizer.count(t.text());
        }
        return total;
    }

    private static String joined(List<TextValue> texts) {
        StringBuilder all = new StringBuilder();
        for (TextValue t : texts) {
            all.append(t.text()).append('\n');
        }
        return all.toString();
    }
}
