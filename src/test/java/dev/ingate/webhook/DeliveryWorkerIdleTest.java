package dev.ingate.webhook;

import dev.ingate.config.WebhookSettings;
import dev.ingate.secrets.SecretBox;
import dev.ingate.testkit.Poll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The delivery thread reads the due rows when it knows some are due, not every tick: an idle gateway stays quiet. */
class DeliveryWorkerIdleTest {

    private static final String OWNER = "instance-a";

    /** The outbox in memory, counting how often the due rows are read. */
    private static final class CountingOutbox implements WebhookOutbox {
        final List<PendingDelivery> rows = new ArrayList<>();
        final List<DeliveryAttempt> logged = new ArrayList<>();
        final AtomicInteger dueReads = new AtomicInteger();

        @Override
        public synchronized void enqueue(List<PendingDelivery> deliveries, Instant leaseUntil) {
            rows.addAll(deliveries);
        }

        @Override
        public synchronized List<PendingDelivery> due(String owner, Instant now, int limit) {
            dueReads.incrementAndGet();
            return rows.stream().filter(r -> !r.nextAttemptAt().isAfter(now)).limit(limit).toList();
        }

        @Override
        public synchronized Optional<Instant> nextDue(String owner) {
            return rows.stream().map(PendingDelivery::nextAttemptAt).min(Instant::compareTo);
        }

        @Override
        public synchronized void record(PendingDelivery delivery, DeliveryAttempt attempt) {
            logged.add(attempt);
            rows.remove(delivery);
        }

        @Override
        public void renew(String owner, Instant leaseUntil) {
        }

        @Override
        public int takeOver(String owner, Instant now, Instant leaseUntil) {
            return 0;
        }

        @Override
        public Page attempts(String webhookId, int limit, String cursor) {
            return new Page(List.of(), null);
        }

        synchronized int loggedCount() {
            return logged.size();
        }
    }

    /** No webhooks: every delivery found is given up at once ("webhook disabled or deleted") and logged. */
    private static final class NoWebhooks implements WebhookStore {
        public List<Webhook> list() { return List.of(); }
        public Optional<Webhook> get(String id) { return Optional.empty(); }
        public void insert(Webhook webhook) { }
        public boolean update(Webhook webhook) { return false; }
        public boolean delete(String id) { return false; }
    }

    private static PendingDelivery row(Instant dueAt) {
        QueuedEvent event = QueuedEvent.of("webhook.test", Map.of());
        PendingDelivery first = PendingDelivery.first("wh_gone", event, "{}", OWNER, dueAt);
        return new PendingDelivery(first.id(), first.webhookId(), first.eventId(), first.eventType(), first.payload(), 0,
                dueAt, OWNER, dueAt);
    }

    @Test
    void idleItReadsRarelyAndAWakeOrARetryTimeBringsItBack() throws Exception {
        CountingOutbox outbox = new CountingOutbox();
        WebhookSettings settings = new WebhookSettings(List.of(), 3, Duration.ofMillis(100), Duration.ofSeconds(1));
        try (DeliveryWorker worker = DeliveryWorker.create(new WebhookEvents(16), new NoWebhooks(), outbox,
                new SecretBox(new byte[32]), settings, OWNER)) {
            worker.start();
            Thread.sleep(1_500);   // 15 ticks
            assertThat(outbox.dueReads.get()).isBetween(1, 2);

            outbox.enqueue(List.of(row(Instant.now())), Instant.now());   // a test ping stored by the admin API
            worker.dueNow();
            Poll.until("the ping delivered", Duration.ofSeconds(2), outbox::loggedCount, n -> n == 1);

            int reads = outbox.dueReads.get();
            outbox.enqueue(List.of(row(Instant.now().plusMillis(700))), Instant.now());
            worker.dueNow();   // read once, found not yet due: the next read is at its time, not every tick before
            Poll.until("the later row delivered", Duration.ofSeconds(3), outbox::loggedCount, n -> n == 2);
            assertThat(outbox.dueReads.get() - reads).isLessThanOrEqualTo(3);
        }
    }
}
