package dev.ingate.webhook;

import dev.ingate.audit.Actor;
import dev.ingate.audit.AuditTrail;
import dev.ingate.audit.SecretMask;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/** A {@link WebhookStore} that records every subscription change in the audit log, as {@code actor}, right after it. */
public final class AuditedWebhookStore implements WebhookStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookStore store;
    private final AuditTrail audit;
    private final Actor actor;

    public AuditedWebhookStore(WebhookStore store, AuditTrail audit, Actor actor) {
        this.store = store;
        this.audit = audit;
        this.actor = actor;
    }

    @Override
    public List<Webhook> list() {
        return store.list();
    }

    @Override
    public Optional<Webhook> get(String id) {
        return store.get(id);
    }

    @Override
    public void insert(Webhook webhook) {
        store.insert(webhook);
        audit.record(actor, "webhook.create", webhook.id(), null, view(webhook));
    }

    @Override
    public boolean update(Webhook webhook) {
        Optional<Webhook> before = store.get(webhook.id());
        boolean updated = store.update(webhook);
        if (updated) {
            audit.record(actor, "webhook.update", webhook.id(), before.map(AuditedWebhookStore::view).orElse(null), view(webhook));
        }
        return updated;
    }

    @Override
    public boolean delete(String id) {
        Optional<Webhook> before = store.get(id);
        boolean deleted = store.delete(id);
        if (deleted) {
            audit.record(actor, "webhook.delete", id, before.map(AuditedWebhookStore::view).orElse(null), null);
        }
        return deleted;
    }

    /** The secret is there as a field, never as a value. */
    static ObjectNode view(Webhook hook) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", hook.id());
        node.put("url", hook.url());
        hook.events().forEach(node.putArray("events")::add);
        node.put("secret", SecretMask.MASKED);
        node.put("enabled", hook.enabled());
        node.put("origin", hook.origin().wireName());
        return node;
    }
}
