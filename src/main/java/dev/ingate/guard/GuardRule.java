package dev.ingate.guard;

/** One named rule of {@code guardrails:}, compiled. */
public record GuardRule(String name, boolean input, boolean output, Action action, Check check) {
}
