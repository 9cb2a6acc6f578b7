package dev.ingate.admin;

import dev.ingate.events.GatewayEvents;
import dev.ingate.keys.StoredKey;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code key.created} and {@code key.revoked} for webhooks: the key's id, name and visible prefix, never its secret. */
final class KeyEvents {

    private KeyEvents() {
    }

    static void created(AdminContext ctx, StoredKey key) {
        ctx.governance().events().publish(GatewayEvents.KEY_CREATED, data(key));
    }

    static void revoked(AdminContext ctx, StoredKey key) {
        ctx.governance().events().publish(GatewayEvents.KEY_REVOKED, data(key));
    }

    private static Map<String, Object> data(StoredKey key) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", key.id());
        data.put("name", key.name());
        data.put("prefix", key.prefix());
        return data;
    }
}
