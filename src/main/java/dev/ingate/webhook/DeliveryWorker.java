package dev.ingate.webhook;

import dev.ingate.config.WebhookSettings;
import dev.ingate.secrets.RandomSecrets;
import dev.ingate.secrets.SecretBox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The one webhook delivery thread: turns queued events into pending deliveries (one per subscribed webhook, stored
 * before the first attempt so a restart resumes them), sends what is due, logs every attempt and schedules retries
 * with exponential backoff. Never on the request path: publishers only touch {@link WebhookEvents}' queue.
 */
public final class DeliveryWorker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DeliveryWorker.class.getName());
    /** How long a pending row stays this instance's without a renewal: well above the renewal period and an attempt. */
    static final Duration LEASE = Duration.ofSeconds(60);
    static final Duration LEASE_RENEWAL = Duration.ofSeconds(10);
    /** The longest the thread waits for an event before it looks again at what is due. */
    static final long TICK_MILLIS = 100;
    /**
     * The longest between two reads of the due rows when nothing known falls due: a safety net. Otherwise the
     * thread reads them only when it knows some are due (new ones, retries whose time came, rows taken over, a test
     * ping), not every tick: an idle gateway does not query its database ten times a second.
     */
    static final long RECHECK_MILLIS = 5_000;
    static final int BATCH = 100;

    private final WebhookEvents events;
    private final WebhookStore hooks;
    private final WebhookOutbox outbox;
    private final SecretBox secrets;
    private final WebhookSettings settings;
    private final String owner;
    private final WebhookSender sender;
    private final Thread thread;
    private volatile boolean running = true;
    private Instant nextRenewal = Instant.EPOCH;
    /** When the due rows are to be read next, unless {@link #dueNow} said so before (0: at the start). Delivery thread only. */
    private long readDueAtMillis;
    /** Rows are due now: set by whatever stored or took them ({@link #dueNow}), this thread or another. */
    private volatile boolean woken;

    private DeliveryWorker(WebhookEvents events, WebhookStore hooks, WebhookOutbox outbox, SecretBox secrets, WebhookSettings settings,
                           String owner) {
        this.events = events;
        this.hooks = hooks;
        this.outbox = outbox;
        this.secrets = secrets;
        this.settings = settings;
        this.owner = owner;
        this.sender = new WebhookSender(settings.timeout());
        this.thread = new Thread(this::loop, "ingate-webhooks");
        this.thread.setDaemon(true);
    }

    /** A worker whose thread waits for {@link #start()}: events published meanwhile wait in the queue. */
    public static DeliveryWorker create(WebhookEvents events, WebhookStore hooks, WebhookOutbox outbox, SecretBox secrets,
                                        WebhookSettings settings, String owner) {
        return new DeliveryWorker(events, hooks, outbox, secrets, settings, owner);
    }

    /** Starts the thread; its first round takes over and sends what a previous run left pending. */
    public void start() {
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                List<QueuedEvent> batch = events.take(TICK_MILLIS, BATCH);
                if (!batch.isEmpty()) {
                    fanOut(batch);
                }
                keepLeases();
                deliverDue();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the database is down, most likely: events already taken are lost (counted nowhere better than the log)
                LOG.log(System.Logger.Level.WARNING, "webhook delivery failed, will retry: {0}", e.getMessage());
                pause();
            }
        }
    }

    /** Deliveries were stored or taken over that are due now (a test ping, say): the next tick reads the due rows. */
    public void dueNow() {
        woken = true;
    }

    private void fanOut(List<QueuedEvent> batch) {
        List<Webhook> subscribed = hooks.list();
        List<PendingDelivery> deliveries = new ArrayList<>();
        Instant now = Instant.now();
        for (QueuedEvent event : batch) {
            String payload = EventPayload.json(event);
            for (Webhook hook : subscribed) {
                if (hook.wants(event.type())) {
                    deliveries.add(PendingDelivery.first(hook.id(), event, payload, owner, now));
                }
            }
        }
        if (!deliveries.isEmpty()) {
            outbox.enqueue(deliveries, now.plus(LEASE));
            dueNow();
        }
    }

    private void keepLeases() {
        Instant now = Instant.now();
        if (now.isBefore(nextRenewal)) {
            return;
        }
        outbox.renew(owner, now.plus(LEASE));
        int taken = outbox.takeOver(owner, now, now.plus(LEASE));
        if (taken > 0) {
            dueNow();
            LOG.log(System.Logger.Level.INFO, "took over {0} webhook deliveries of an instance that stopped", taken);
        }
        nextRenewal = now.plus(LEASE_RENEWAL);
    }

    /** Sends every due delivery at once and waits for all (each ends within the timeout), then logs each attempt. */
    private void deliverDue() {
        boolean wakeUp = woken;
        woken = false;   // a wake after this is seen next tick
        if (!wakeUp && System.currentTimeMillis() < readDueAtMillis) {
            return;
        }
        List<PendingDelivery> due = outbox.due(owner, Instant.now(), BATCH);
        if (!due.isEmpty()) {
            deliver(due);
        }
        if (due.size() == BATCH) {   // there may be more due now
            dueNow();
            return;
        }
        long recheck = System.currentTimeMillis() + RECHECK_MILLIS;
        readDueAtMillis = outbox.nextDue(owner).map(at -> Math.min(at.toEpochMilli(), recheck)).orElse(recheck);
    }

    private void deliver(List<PendingDelivery> due) {
        List<CompletableFuture<WebhookSender.Result>> sent = new ArrayList<>();
        for (PendingDelivery delivery : due) {
            sent.add(send(delivery));
        }
        for (int i = 0; i < due.size(); i++) {
            outbox.record(due.get(i), attempt(due.get(i), sent.get(i).join()));
        }
    }

    private CompletableFuture<WebhookSender.Result> send(PendingDelivery delivery) {
        Optional<Webhook> hook = hooks.get(delivery.webhookId());
        if (hook.isEmpty() || !hook.get().enabled()) {
            return CompletableFuture.completedFuture(WebhookSender.Result.givenUp("webhook disabled or deleted"));
        }
        String secret;
        try {
            secret = secrets.open(hook.get().sealedSecret(), hook.get().id());
        } catch (RuntimeException unreadable) {
            return CompletableFuture.completedFuture(WebhookSender.Result.givenUp("secret unreadable with the current master key"));
        }
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        return sender.send(hook.get().url(), delivery.eventType(), delivery.id(), WebhookSignature.of(secret, body), body);
    }

    private DeliveryAttempt attempt(PendingDelivery delivery, WebhookSender.Result result) {
        int attempt = delivery.attempts() + 1;
        Instant now = Instant.now();
        String outcome;
        Instant nextRetry = null;
        if (result.delivered()) {
            outcome = DeliveryAttempt.DELIVERED;
        } else if (attempt < settings.attempts() && result.retryable()) {
            outcome = DeliveryAttempt.RETRYING;
            nextRetry = now.plus(backoff(attempt));
        } else {
            outcome = DeliveryAttempt.FAILED;
        }
        return new DeliveryAttempt("att_" + RandomSecrets.base62(20), delivery.id(), delivery.webhookId(), delivery.eventId(),
                delivery.eventType(), attempt, result.statusCode(), result.error(), outcome, now, nextRetry);
    }

    /** backoff, 2x, 4x, … after the first, second, third failed attempt. */
    Duration backoff(int failedAttempts) {
        return settings.backoff().multipliedBy(1L << Math.min(failedAttempts - 1, 20));
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
