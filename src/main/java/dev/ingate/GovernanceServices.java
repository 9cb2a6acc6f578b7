package dev.ingate;

import dev.ingate.admin.Governance;
import dev.ingate.audit.Actor;
import dev.ingate.audit.AuditLog;
import dev.ingate.audit.AuditTrail;
import dev.ingate.audit.AuditedKeyStore;
import dev.ingate.audit.AuditedProviderStore;
import dev.ingate.audit.AuditedRouteStore;
import dev.ingate.budget.Budgets;
import dev.ingate.cache.ResponseCache;
import dev.ingate.config.WebhookSettings;
import dev.ingate.observe.GatewayMetrics;
import dev.ingate.observe.WebhookQueueMetrics;
import dev.ingate.secrets.SecretBox;
import dev.ingate.keys.KeyStore;
import dev.ingate.provider.ProviderStore;
import dev.ingate.provider.RouteStore;
import dev.ingate.store.Database;
import dev.ingate.store.JdbcAuditLog;
import dev.ingate.store.JdbcWebhookOutbox;
import dev.ingate.store.JdbcWebhookStore;
import dev.ingate.webhook.AuditedWebhookStore;
import dev.ingate.webhook.DeliveryWorker;
import dev.ingate.webhook.InstanceId;
import dev.ingate.webhook.WebhookEvents;
import dev.ingate.webhook.WebhookFileApplier;
import dev.ingate.webhook.WebhookOutbox;
import dev.ingate.webhook.WebhookStore;
import dev.ingate.webhook.WebhookTestPings;

import java.nio.file.Path;

/**
 * The audit log and webhooks, assembled at start: file webhooks applied; the stores the config file is applied
 * through, audited as the actor {@code config-file}. The delivery thread starts once the gateway listens
 * ({@link #startDelivery()}). Closing stops the thread; pending deliveries stay in the database for the next start.
 */
final class GovernanceServices implements AutoCloseable {

    private final AuditLog auditLog;
    private final WebhookStore hooks;
    private final WebhookOutbox outbox;
    private final WebhookTestPings pings;
    private final WebhookEvents events;
    private final DeliveryWorker worker;
    private final AuditTrail trail;

    private GovernanceServices(AuditLog auditLog, AuditTrail trail, WebhookStore hooks, WebhookOutbox outbox, WebhookTestPings pings,
                               WebhookEvents events, DeliveryWorker worker) {
        this.auditLog = auditLog;
        this.trail = trail;
        this.hooks = hooks;
        this.outbox = outbox;
        this.pings = pings;
        this.events = events;
        this.worker = worker;
    }

    /** @param events the queue gateway events are published to, made before the database was open */
    static GovernanceServices start(Database database, SecretBox secrets, WebhookSettings settings, Path dataDir, WebhookEvents events) {
        AuditLog auditLog = new JdbcAuditLog(database);
        AuditTrail trail = new AuditTrail(auditLog);
        Actor file = Actor.CONFIG_FILE;
        WebhookStore hooks = new JdbcWebhookStore(database);
        WebhookOutbox outbox = new JdbcWebhookOutbox(database);
        new WebhookFileApplier(new AuditedWebhookStore(hooks, trail, file), secrets).apply(settings.hooks());
        String instance = InstanceId.of(dataDir);
        DeliveryWorker worker = DeliveryWorker.create(events, hooks, outbox, secrets, settings, instance);
        return new GovernanceServices(auditLog, trail, hooks, outbox, new WebhookTestPings(outbox, instance, worker::dueNow), events, worker);
    }

    /** The store, recording what the config file changes in it as the actor {@code config-file}. */
    ProviderStore asConfigFile(ProviderStore store) {
        return new AuditedProviderStore(store, trail, Actor.CONFIG_FILE);
    }

    RouteStore asConfigFile(RouteStore store) {
        return new AuditedRouteStore(store, trail, Actor.CONFIG_FILE);
    }

    KeyStore asConfigFile(KeyStore store) {
        return new AuditedKeyStore(store, trail, Actor.CONFIG_FILE, events);
    }

    /**
     * The store, recording what Ingate itself changes in it at start (the first key) as the actor {@code system};
     * keys created or revoked here, as from the config file, publish {@code key.created} / {@code key.revoked}.
     */
    KeyStore asSystem(KeyStore store) {
        return new AuditedKeyStore(store, trail, Actor.SYSTEM, events);
    }

    /** What the admin API works with, once the budgets and the cache (made after the database and Redis) exist. */
    Governance governance(Budgets budgets, ResponseCache cache) {
        return new Governance(auditLog, hooks, outbox, pings, events, budgets, cache);
    }

    void bind(GatewayMetrics metrics) {
        WebhookQueueMetrics.bind(metrics, events);
    }

    /**
     * Its database rounds (lease renewals are writes) would otherwise contend with the start's own writes for the
     * SQLite lock and for the CPU; events raised before this wait in the queue.
     */
    void startDelivery() {
        worker.start();
    }

    @Override
    public void close() {
        worker.close();
    }
}
