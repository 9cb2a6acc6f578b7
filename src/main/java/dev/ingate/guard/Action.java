package dev.ingate.guard;

/** What a rule does when it matches. */
public enum Action {
    /** 403 before the upstream (input), or instead of the answer (output). */
    BLOCK,
    /** Replace each match with {@code [REDACTED:<kind or rule>]}; regex and pii rules only. */
    REDACT,
    /** Let it through; note the rule in a log line and the {@code X-Ingate-Guardrails} header. */
    LOG
}
