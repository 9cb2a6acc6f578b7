package dev.ingate.webhook;

import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.Poll;
import dev.ingate.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** Two instances on one PostgreSQL: each event is delivered once, by the instance where it happened. */
class WebhooksOnTwoInstancesTest {

    private static final String TOKEN = "two-instances-webhooks";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void everyEventIsDeliveredOnceWhicheverInstanceProducedIt() {
        try (TestDatabases.Place schema = TestDatabases.postgres("ingate_hooks_");
             WebhookReceiver receiver = new WebhookReceiver()) {
            Map<String, String> env = Map.of("INGATE_DATABASE_URL", schema.url(), "INGATE_ADMIN_TOKEN", TOKEN,
                    "INGATE_MASTER_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
            String config = IngateUnderTest.withKey("webhook_retry: { attempts: 3, backoff: 50ms }\n");
            try (IngateUnderTest a = IngateUnderTest.start(config, env, null);
                 IngateUnderTest b = IngateUnderTest.start(config, env, null)) {
                post(a, "/webhooks", "{\"url\":\"" + receiver.url("/both") + "\",\"events\":[\"key.created\"],\"secret\":\"shared-secret\"}");
                for (int i = 0; i < 3; i++) {
                    post(a, "/keys", "{\"name\":\"on-a-" + i + "\"}");
                    post(b, "/keys", "{\"name\":\"on-b-" + i + "\"}");
                }
                Poll.until("six key.created events delivered", WAIT, receiver::calls, calls -> calls.size() >= 6);
                // a last event on each, delivered after the others: a duplicate of the first six would have come by now
                post(a, "/keys", "{\"name\":\"last-a\"}");
                post(b, "/keys", "{\"name\":\"last-b\"}");
                List<WebhookReceiver.Call> calls = Poll.until("the last two delivered", WAIT, receiver::calls, c -> names(c).containsAll(
                        List.of("last-a", "last-b")));

                assertThat(names(calls)).containsExactlyInAnyOrder("on-a-0", "on-a-1", "on-a-2", "on-b-0", "on-b-1", "on-b-2", "last-a", "last-b");
                assertThat(calls).extracting(c -> c.header("X-Ingate-Delivery")).doesNotHaveDuplicates();
            }
        }
    }

    private static List<String> names(List<WebhookReceiver.Call> calls) {
        return calls.stream().map(c -> json(c.bodyText()).at("/data/name").asString()).toList();
    }

    private static JsonNode post(IngateUnderTest ingate, String path, String body) {
        HttpResponse<String> response = send(request(ingate.baseUrl(), "/api/v1" + path).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }
}
