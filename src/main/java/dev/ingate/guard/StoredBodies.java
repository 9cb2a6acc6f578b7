package dev.ingate.guard;

import dev.ingate.guard.detect.Detector;
import dev.ingate.guard.text.Redaction;

import java.util.function.UnaryOperator;

/**
 * PII redaction of the bodies {@code recording.capture_bodies} stores: every kind any {@code pii} rule names,
 * whatever that rule's action, over the raw text (JSON, or a stream's SSE/NDJSON text), so secrets never reach the
 * database. Runs once per exchange, when its record is made. A value split across two stream events is not seen
 * whole here; an output {@code pii} rule with {@code redact} catches it in the relayed stream.
 */
public final class StoredBodies {

    private StoredBodies() {
    }

    public static UnaryOperator<String> redactor(Guardrails rules) {
        return rules.storedBodyPii().<UnaryOperator<String>>map(StoredBodies::redacting).orElse(UnaryOperator.identity());
    }

    private static UnaryOperator<String> redacting(Detector pii) {
        return text -> Redaction.apply(text, pii.findAll(text));
    }
}
