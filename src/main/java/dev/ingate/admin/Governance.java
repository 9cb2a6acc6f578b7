package dev.ingate.admin;

import dev.ingate.audit.AuditLog;
import dev.ingate.audit.AuditTrail;
import dev.ingate.budget.Budgets;
import dev.ingate.cache.ResponseCache;
import dev.ingate.events.GatewayEvents;
import dev.ingate.webhook.WebhookOutbox;
import dev.ingate.webhook.WebhookStore;
import dev.ingate.webhook.WebhookTestPings;

/**
 * What the governance resources work with: the audit log (read by {@code /audit}, written through the audited
 * stores), webhook subscriptions, their delivery log and test events, the events the key resource publishes, the budgets whose
 * spend keys and {@code /budget} show, and the response cache {@code /cache} purges.
 */
public record Governance(AuditLog auditLog, WebhookStore webhooks, WebhookOutbox deliveries, WebhookTestPings pings,
                         GatewayEvents events, Budgets budgets, ResponseCache cache) {

    /** The same, with subscriptions changed through {@code audited} (a store that records its changes). */
    Governance withWebhooks(WebhookStore audited) {
        return new Governance(auditLog, audited, deliveries, pings, events, budgets, cache);
    }

    AuditTrail trail() {
        return new AuditTrail(auditLog);
    }
}
