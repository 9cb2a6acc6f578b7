package dev.ingate.admin;

import dev.ingate.audit.AuditLog;
import dev.ingate.audit.AuditTrail;
import dev.ingate.events.GatewayEvents;
import dev.ingate.webhook.WebhookOutbox;
import dev.ingate.webhook.WebhookStore;

/**
 * What the audit log and webhook resources work with: the audit log (read by {@code /audit}, written through the
 * audited stores), webhook subscriptions and their delivery log, and the events the key resource publishes.
 */
public record Governance(AuditLog auditLog, WebhookStore webhooks, WebhookOutbox deliveries, GatewayEvents events) {

    AuditTrail trail() {
        return new AuditTrail(auditLog);
    }
}
