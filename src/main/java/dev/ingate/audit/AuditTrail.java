package dev.ingate.audit;

import dev.ingate.secrets.RandomSecrets;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

/** Writes audit entries: gives each an id and a time, and masks the secrets of both sides before anything is stored. */
public final class AuditTrail {

    private final AuditLog log;

    public AuditTrail(AuditLog log) {
        this.log = log;
    }

    /**
     * Every mutating call is recorded, even one that wrote what was already there: the log answers "who did what",
     * and a rotated secret looks the same before and after once masked.
     */
    public void record(Actor actor, String action, String target, JsonNode before, JsonNode after) {
        log.append(new AuditEntry("aud_" + RandomSecrets.base62(20), Instant.now(), actor, action, target,
                SecretMask.mask(before), SecretMask.mask(after)));
    }
}
