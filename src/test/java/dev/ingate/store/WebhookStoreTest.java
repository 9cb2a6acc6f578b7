package dev.ingate.store;

import dev.ingate.config.Origin;
import dev.ingate.webhook.DeliveryAttempt;
import dev.ingate.webhook.PendingDelivery;
import dev.ingate.webhook.Webhook;
import dev.ingate.webhook.WebhookOutbox;
import dev.ingate.webhook.WebhookStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookStoreTest extends StoreTestBase {

    private static final Instant T0 = Instant.ofEpochMilli(1_700_000_000_000L);

    private WebhookStore hooks;
    private WebhookOutbox outbox;

    @BeforeEach
    void openStores() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : new String[] {"webhooks", "webhook_outbox", "webhook_deliveries"}) {
                s.executeUpdate("DELETE FROM " + table);
            }
        }
        hooks = new JdbcWebhookStore(database);
        outbox = new JdbcWebhookOutbox(database);
    }

    @Test
    void aWebhookRoundTripsAndUpdates() {
        Webhook hook = hook("wh_1", T0);
        hooks.insert(hook);
        assertThat(hooks.get("wh_1").orElseThrow()).usingRecursiveComparison().isEqualTo(hook);

        Webhook changed = new Webhook("wh_1", "https://other.example/hook", List.of("*"), new byte[] {9, 9}, false, Origin.API, "hash",
                T0, T0.plusSeconds(5));
        assertThat(hooks.update(changed)).isTrue();
        assertThat(hooks.get("wh_1").orElseThrow()).usingRecursiveComparison().isEqualTo(changed);
        assertThat(hooks.update(hook("missing", T0))).isFalse();
        hooks.insert(hook("wh_0", T0.minusSeconds(1)));
        assertThat(hooks.list()).extracting(Webhook::id).containsExactly("wh_0", "wh_1");
    }

    @Test
    void deletingAWebhookDropsItsPendingDeliveriesButKeepsItsLog() {
        hooks.insert(hook("wh_1", T0));
        hooks.insert(hook("wh_2", T0));
        outbox.enqueue(List.of(pending("d1", "wh_1", "me"), pending("d2", "wh_2", "me")), T0.plusSeconds(60));
        outbox.record(pending("d1", "wh_1", "me"), attempt("a1", "d1", "wh_1", 1, DeliveryAttempt.RETRYING, T0.plusSeconds(1)));

        assertThat(hooks.delete("wh_1")).isTrue();
        assertThat(hooks.delete("wh_1")).isFalse();

        assertThat(outbox.due("me", T0.plusSeconds(10), 10)).extracting(PendingDelivery::id).containsExactly("d2");
        assertThat(outbox.attempts("wh_1", 10, null).attempts()).extracting(DeliveryAttempt::id).containsExactly("a1");
    }

    @Test
    void aRetryMovesTheNextAttemptAndAnyOtherOutcomeRemovesTheRow() {
        outbox.enqueue(List.of(pending("d1", "wh_1", "me"), pending("d2", "wh_1", "me"), pending("d3", "wh_1", "other")), T0.plusSeconds(60));
        assertThat(outbox.due("me", T0, 10)).extracting(PendingDelivery::id).containsExactlyInAnyOrder("d1", "d2");
        assertThat(outbox.due("me", T0.minusMillis(1), 10)).as("not due yet").isEmpty();

        PendingDelivery d1 = outbox.due("me", T0, 10).stream().filter(d -> d.id().equals("d1")).findFirst().orElseThrow();
        assertThat(d1.payload()).isEqualTo("{\"id\":\"evt_d1\"}");
        outbox.record(d1, attempt("a1", "d1", "wh_1", 1, DeliveryAttempt.RETRYING, T0.plusSeconds(2)));
        outbox.record(pending("d2", "wh_1", "me"), attempt("a2", "d2", "wh_1", 1, DeliveryAttempt.DELIVERED, null));

        assertThat(outbox.due("me", T0.plusSeconds(1), 10)).isEmpty();
        assertThat(outbox.nextDue("me")).contains(T0.plusSeconds(2));   // what the delivery thread sleeps until
        assertThat(outbox.nextDue("nobody")).isEmpty();
        PendingDelivery retried = outbox.due("me", T0.plusSeconds(2), 10).getFirst();
        assertThat(retried.id()).isEqualTo("d1");
        assertThat(retried.attempts()).isEqualTo(1);

        outbox.record(retried, attempt("a3", "d1", "wh_1", 2, DeliveryAttempt.FAILED, null));
        assertThat(outbox.due("me", T0.plusSeconds(100), 10)).isEmpty();
        List<DeliveryAttempt> log = outbox.attempts("wh_1", 10, null).attempts();
        assertThat(log).extracting(DeliveryAttempt::id).containsExactly("a3", "a2", "a1");
        assertThat(log.get(2).statusCode()).isEqualTo(500);
        assertThat(log.get(2).nextRetryAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(log.get(0).nextRetryAt()).isNull();
    }

    @Test
    void onlyLapsedLeasesAreTakenOverAndByOneInstance() {
        outbox.enqueue(List.of(pending("d1", "wh_1", "gone")), T0.plusSeconds(30));
        outbox.enqueue(List.of(pending("d2", "wh_1", "alive")), T0.plusSeconds(30));
        outbox.renew("alive", T0.plusSeconds(90));

        assertThat(outbox.takeOver("b", T0.plusSeconds(10), T0.plusSeconds(70))).as("nothing lapsed yet").isZero();
        assertThat(outbox.takeOver("b", T0.plusSeconds(31), T0.plusSeconds(91))).isEqualTo(1);
        assertThat(outbox.takeOver("c", T0.plusSeconds(31), T0.plusSeconds(91))).as("already taken").isZero();

        assertThat(outbox.due("b", T0.plusSeconds(31), 10)).extracting(PendingDelivery::id).containsExactly("d1");
        assertThat(outbox.due("gone", T0.plusSeconds(31), 10)).isEmpty();
        assertThat(outbox.due("alive", T0.plusSeconds(31), 10)).extracting(PendingDelivery::id).containsExactly("d2");
    }

    @Test
    void theDeliveryLogPagesNewestFirst() {
        for (int i = 0; i < 5; i++) {
            outbox.record(pending("d" + i, "wh_1", "me"), new DeliveryAttempt("a" + i, "d" + i, "wh_1", "evt", "key.created", 1, null,
                    "ConnectException", DeliveryAttempt.FAILED, T0.plusMillis(i), null));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            WebhookOutbox.Page page = outbox.attempts("wh_1", 2, cursor);
            page.attempts().forEach(a -> seen.add(a.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(seen).containsExactly("a4", "a3", "a2", "a1", "a0");
        assertThat(outbox.attempts("wh_other", 2, null).attempts()).isEmpty();
    }

    private static Webhook hook(String id, Instant created) {
        return new Webhook(id, "http://127.0.0.1:9/hook", List.of("key.created", "key.revoked"), new byte[] {1, 2, 3}, true, Origin.FILE, null,
                created, created);
    }

    private static PendingDelivery pending(String id, String webhookId, String owner) {
        return new PendingDelivery(id, webhookId, "evt_" + id, "key.created", "{\"id\":\"evt_" + id + "\"}", 0, T0, owner, T0);
    }

    private static DeliveryAttempt attempt(String id, String deliveryId, String webhookId, int n, String outcome, Instant next) {
        return new DeliveryAttempt(id, deliveryId, webhookId, "evt_" + deliveryId, "key.created", n, 500, null, outcome, T0.plusMillis(n), next);
    }
}
