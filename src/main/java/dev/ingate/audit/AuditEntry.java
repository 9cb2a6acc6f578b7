package dev.ingate.audit;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One admin change: who, what, on which entity, when, and the entity before and after it (secrets already masked;
 * null before a creation and after a deletion).
 *
 * @param action {@code <entity>.<verb>}, e.g. {@code provider.update}, {@code key.revoke}
 * @param target the entity's id or name
 */
public record AuditEntry(String id, Instant createdAt, Actor actor, String action, String target, JsonNode before, JsonNode after) {
}
