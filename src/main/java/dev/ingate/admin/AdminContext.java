package dev.ingate.admin;

import dev.ingate.audit.Actor;
import dev.ingate.audit.AuditedKeyStore;
import dev.ingate.audit.AuditedProviderStore;
import dev.ingate.audit.AuditedRouteStore;
import dev.ingate.keys.KeyStore;
import dev.ingate.observe.record.RequestLog;
import dev.ingate.pipeline.GatewayState;
import dev.ingate.provider.ProviderStore;
import dev.ingate.provider.RouteStore;
import dev.ingate.secrets.SecretBox;
import dev.ingate.webhook.AuditedWebhookStore;

import java.util.function.Supplier;

/**
 * What the admin resources work with. {@code changed} records that the configuration changed: it
 * bumps the shared change counter and rebuilds this instance's state before the answer goes out.
 */
public record AdminContext(ProviderStore providers, RouteStore routes, KeyStore keys, SecretBox secrets, Runnable changed,
                           Supplier<GatewayState> state, RequestLog requests, Governance governance) {

    /** The same context with every store recording its changes in the audit log as {@code actor}: one per admin call. */
    AdminContext actingAs(Actor actor) {
        var trail = governance.trail();
        return new AdminContext(new AuditedProviderStore(providers, trail, actor), new AuditedRouteStore(routes, trail, actor),
                new AuditedKeyStore(keys, trail, actor, governance.events()), secrets, changed, state, requests,
                governance.withWebhooks(new AuditedWebhookStore(governance.webhooks(), trail, actor)));
    }
}
