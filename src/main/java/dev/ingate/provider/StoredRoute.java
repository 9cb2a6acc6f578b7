package dev.ingate.provider;

import dev.ingate.config.Origin;
import dev.ingate.config.RouteRule;

import java.time.Instant;

/**
 * A routing rule as the database holds it.
 *
 * @param position where its glob is tried: file rules at their index in the file, API-created ones from
 *                 {@link RouteStore#API_POSITIONS} on, in creation order
 * @param fileHash for rules that came from the config file, a hash of the file entry last applied (kept when the
 *                 admin API takes the rule over, so an unchanged file leaves the override alone); null otherwise
 */
public record StoredRoute(RouteRule rule, long position, Origin origin, String fileHash, Instant updatedAt) {

    public String model() {
        return rule.model();
    }

    public StoredRoute withPosition(long newPosition) {
        return new StoredRoute(rule, newPosition, origin, fileHash, updatedAt);
    }
}
