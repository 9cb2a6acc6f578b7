package dev.ingate.webhook;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Publishing is the request path's side: it must never wait and never throw, whatever the delivery side does. */
class WebhookEventsTest {

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() throws InterruptedException {
        WebhookEvents events = new WebhookEvents(2);   // nobody takes from it: the delivery thread is "behind"

        assertThatCode(() -> {
            for (int i = 0; i < 5; i++) {
                events.publish("provider.failing", Map.of("provider", "openai", "n", i));
            }
        }).doesNotThrowAnyException();

        assertThat(events.published()).isEqualTo(2);
        assertThat(events.dropped()).isEqualTo(3);
        assertThat(events.depth()).isEqualTo(2);
        List<QueuedEvent> taken = events.take(0, 10);
        assertThat(taken).extracting(QueuedEvent::type).containsExactly("provider.failing", "provider.failing");
        assertThat(taken).extracting(e -> e.data().get("n")).containsExactly(0, 1);
        assertThat(taken.get(0).id()).startsWith("evt_").isNotEqualTo(taken.get(1).id());
    }

    @Test
    void dataThatCannotBeQueuedIsDroppedNotThrown() {
        WebhookEvents events = new WebhookEvents(10);
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("provider", null);

        assertThatCode(() -> events.publish("provider.failing", withNull)).doesNotThrowAnyException();
        events.publish("key.created", null);

        assertThat(events.dropped()).isEqualTo(1);
        assertThat(events.published()).isEqualTo(1);
    }

    @Test
    void theSignatureIsTheHexHmacOfTheExactBody() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(WebhookSignature.of("Jefe", "what do ya want for nothing?".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
