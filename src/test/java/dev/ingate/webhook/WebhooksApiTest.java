package dev.ingate.webhook;

import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.Poll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook subscriptions through the admin API, signed deliveries to a receiver started here, and test events
 * ({@code POST /webhooks/{id}/test}); real HTTP on loopback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhooksApiTest {

    private static final String TOKEN = "admin-token-for-webhook-tests";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private WebhookReceiver receiver;
    private IngateUnderTest ingate;

    @BeforeAll
    void start() {
        receiver = new WebhookReceiver();
        ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                webhook_retry: { attempts: 3, backoff: 50ms, timeout: 2s }
                """), Map.of("INGATE_ADMIN_TOKEN", TOKEN), null);
    }

    @AfterAll
    void stop() {
        ingate.close();
        receiver.close();
    }

    private HttpResponse<String> admin(String method, String path, String body) {
        HttpRequest.Builder call = request(ingate.baseUrl(), "/api/v1" + path).header("Authorization", "Bearer " + TOKEN);
        call.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            call.header("Content-Type", "application/json");
        }
        return send(call);
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 202);
        return json(response);
    }

    private String badRequest(String body) {
        HttpResponse<String> response = admin("POST", "/webhooks", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return json(response).at("/error/message").asString();
    }

    private List<JsonNode> deliveries(String id) {
        List<JsonNode> rows = new java.util.ArrayList<>();
        ok(admin("GET", "/webhooks/" + id + "/deliveries", null)).get("data").forEach(rows::add);
        return rows;
    }

    @Test
    void invalidBodiesAre400NamingTheField() {
        assertThat(badRequest("{\"events\":[\"*\"]}")).startsWith("url:");
        assertThat(badRequest("{\"url\":\"ftp://example.com/x\",\"events\":[\"*\"]}")).startsWith("url:");
        assertThat(badRequest("{\"url\":\"/relative\",\"events\":[\"*\"]}")).startsWith("url:");
        assertThat(badRequest("{\"url\":\"https://example.com/x\"}")).startsWith("events:");
        assertThat(badRequest("{\"url\":\"https://example.com/x\",\"events\":[]}")).startsWith("events:");
        assertThat(badRequest("{\"url\":\"https://example.com/x\",\"events\":[\"key.exploded\"]}")).startsWith("events:").contains("key.created");
        assertThat(badRequest("{\"url\":\"https://example.com/x\",\"events\":[\"*\"],\"secret\":\"\"}")).startsWith("secret:");
        assertThat(badRequest("{\"url\":\"https://example.com/x\",\"events\":[\"*\"],\"enabled\":\"yes\"}")).startsWith("enabled:");
        assertThat(badRequest("{\"url\":\"https://example.com/x\",\"events\":[\"*\"],\"colour\":\"red\"}")).startsWith("colour:");
        assertThat(badRequest("[1]")).contains("JSON object");
    }

    @Test
    void createReadPatchDelete() {
        JsonNode created = ok(admin("POST", "/webhooks", "{\"url\":\"https://example.com/hook\",\"events\":[\"key.created\",\"budget.exhausted\"]}"));
        String id = created.get("id").asString();
        String secret = created.get("secret").asString();
        assertThat(id).startsWith("wh_");
        assertThat(secret).as("generated and shown once").startsWith("whsec_").hasSizeGreaterThan(30);
        assertThat(created.get("enabled").asBoolean()).isTrue();
        assertThat(created.get("origin").asString()).isEqualTo("api");

        JsonNode read = ok(admin("GET", "/webhooks/" + id, null));
        assertThat(read.has("secret")).isFalse();
        assertThat(read.get("secret_hint").asString()).endsWith(secret.substring(secret.length() - 4)).doesNotContain(secret);
        assertThat(read.get("events").toString()).isEqualTo("[\"key.created\",\"budget.exhausted\"]");
        assertThat(ok(admin("GET", "/webhooks", null)).get("data").toString()).contains(id).doesNotContain(secret);

        JsonNode given = ok(admin("POST", "/webhooks", "{\"url\":\"http://example.com/2\",\"events\":[\"*\"],\"secret\":\"my-own-secret\",\"enabled\":false}"));
        assertThat(given.has("secret")).as("a secret the caller chose is not echoed").isFalse();
        assertThat(given.get("enabled").asBoolean()).isFalse();

        JsonNode patched = ok(admin("PATCH", "/webhooks/" + id, "{\"events\":[\"*\"],\"enabled\":false}"));
        assertThat(patched.get("events").toString()).isEqualTo("[\"*\"]");
        assertThat(patched.get("url").asString()).isEqualTo("https://example.com/hook");
        assertThat(patched.get("enabled").asBoolean()).isFalse();
        assertThat(admin("PATCH", "/webhooks/" + id, "{\"url\":\"nope\"}").statusCode()).isEqualTo(400);

        assertThat(ok(admin("DELETE", "/webhooks/" + id, null)).get("deleted").asBoolean()).isTrue();
        assertThat(admin("GET", "/webhooks/" + id, null).statusCode()).isEqualTo(404);
        assertThat(admin("DELETE", "/webhooks/" + id, null).statusCode()).isEqualTo(404);
        assertThat(admin("GET", "/webhooks/" + id + "/deliveries", null).statusCode()).isEqualTo(404);
        ok(admin("DELETE", "/webhooks/" + given.get("id").asString(), null));
    }

    @Test
    void keyEventsArriveSignedWithTheSecretOverTheExactBody() throws Exception {
        String secret = "whsec-signing-test-0123456789";
        String hookId = ok(admin("POST", "/webhooks", "{\"url\":\"" + receiver.url("/keys") + "\",\"events\":[\"key.created\",\"key.revoked\"],"
                + "\"secret\":\"" + secret + "\"}")).get("id").asString();

        JsonNode key = ok(admin("POST", "/keys", "{\"name\":\"announced\"}"));
        ok(admin("DELETE", "/keys/" + key.get("id").asString(), null));

        List<WebhookReceiver.Call> calls = Poll.until("key.created and key.revoked delivered", WAIT, () -> receiver.calls("/keys"), c -> c.size() >= 2);
        WebhookReceiver.Call created = calls.stream().filter(c -> "key.created".equals(c.header("X-Ingate-Event"))).findFirst().orElseThrow();
        assertThat(created.header("Content-Type")).isEqualTo("application/json");
        assertThat(created.header("X-Ingate-Delivery")).startsWith("dlv_");
        assertThat(Hmac.verifies(secret, created.body(), created.header("X-Ingate-Signature"))).isTrue();
        assertThat(Hmac.verifies("another-secret", created.body(), created.header("X-Ingate-Signature"))).as("a wrong secret fails").isFalse();
        byte[] tampered = created.bodyText().replace("announced", "announcee").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Hmac.verifies(secret, tampered, created.header("X-Ingate-Signature"))).as("a changed body fails").isFalse();

        JsonNode payload = json(created.bodyText());
        assertThat(payload.get("id").asString()).startsWith("evt_");
        assertThat(payload.get("type").asString()).isEqualTo("key.created");
        assertThat(Instant.parse(payload.get("created_at").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(payload.get("data").get("id").asString()).isEqualTo(key.get("id").asString());
        assertThat(payload.get("data").get("name").asString()).isEqualTo("announced");
        assertThat(payload.get("data").get("prefix").asString()).isEqualTo(key.get("prefix").asString());
        assertThat(created.bodyText()).doesNotContain(key.get("key").asString());

        WebhookReceiver.Call revoked = calls.stream().filter(c -> "key.revoked".equals(c.header("X-Ingate-Event"))).findFirst().orElseThrow();
        assertThat(json(revoked.bodyText()).get("data").get("name").asString()).isEqualTo("announced");

        List<JsonNode> log = Poll.until("two delivered attempts logged", WAIT, () -> deliveries(hookId), rows -> rows.size() >= 2);
        assertThat(log).allSatisfy(row -> {
            assertThat(row.get("outcome").asString()).isEqualTo("delivered");
            assertThat(row.get("status_code").asInt()).isEqualTo(200);
            assertThat(row.get("attempt").asInt()).isEqualTo(1);
        });
        ok(admin("DELETE", "/webhooks/" + hookId, null));
    }

    @Test
    void a500IsRetriedWithTheSameDeliveryAndBodyUntilA200() throws Exception {
        try (WebhookReceiver flaky = new WebhookReceiver().answering(500, 500)) {
            String hookId = ok(admin("POST", "/webhooks", "{\"url\":\"" + flaky.url("/flaky") + "\",\"events\":[\"*\"],\"secret\":\"flaky-secret\"}"))
                    .get("id").asString();
            ok(admin("POST", "/keys", "{\"name\":\"retried\"}"));

            List<JsonNode> log = Poll.until("3 attempts logged", WAIT, () -> deliveries(hookId), rows -> rows.size() >= 3);
            assertThat(log).extracting(row -> row.get("attempt").asInt()).containsExactly(3, 2, 1);
            assertThat(log).extracting(row -> row.get("outcome").asString()).containsExactly("delivered", "retrying", "retrying");
            assertThat(log).extracting(row -> row.get("status_code").asInt()).containsExactly(200, 500, 500);
            assertThat(log.get(0).get("next_retry_at").isNull()).isTrue();
            assertThat(Instant.parse(log.get(1).get("next_retry_at").asString())).isAfter(Instant.parse(log.get(1).get("created_at").asString()));
            assertThat(log).extracting(row -> row.get("event_type").asString()).containsOnly("key.created");
            assertThat(log).extracting(row -> row.get("delivery_id").asString()).containsOnly(log.get(0).get("delivery_id").asString());

            List<WebhookReceiver.Call> calls = flaky.calls();
            assertThat(calls).hasSize(3);
            assertThat(calls).extracting(c -> c.header("X-Ingate-Delivery")).containsOnly(log.get(0).get("delivery_id").asString());
            assertThat(calls).extracting(WebhookReceiver.Call::bodyText).containsOnly(calls.get(0).bodyText());
            for (WebhookReceiver.Call call : calls) {
                assertThat(Hmac.verifies("flaky-secret", call.body(), call.header("X-Ingate-Signature"))).isTrue();
            }
            ok(admin("DELETE", "/webhooks/" + hookId, null));
        }
    }

    @Test
    void theEventQueueIsOnTheMetricsPage() {
        ok(admin("POST", "/keys", "{\"name\":\"counted\"}"));
        String metrics = send(request(ingate.baseUrl(), "/metrics")).body();
        assertThat(metrics).contains("ingate_webhook_events_dropped_total 0.0").contains("ingate_webhook_events_queue_depth")
                .containsPattern("ingate_webhook_events_published_total [1-9]");
    }

    @Test
    void afterTheLastAttemptTheDeliveryIsGivenUp() {
        try (WebhookReceiver down = new WebhookReceiver().answering(503, 503, 503, 503)) {
            String hookId = ok(admin("POST", "/webhooks", "{\"url\":\"" + down.url("/down") + "\",\"events\":[\"key.created\"]}")).get("id").asString();
            ok(admin("POST", "/keys", "{\"name\":\"given-up\"}"));

            List<JsonNode> log = Poll.until("3 attempts logged", WAIT, () -> deliveries(hookId), rows -> rows.size() >= 3);
            assertThat(log).extracting(row -> row.get("outcome").asString()).containsExactly("failed", "retrying", "retrying");
            assertThat(log.get(0).get("status_code").asInt()).isEqualTo(503);
            assertThat(down.calls()).as("attempts: 3 in the config").hasSize(3);
            ok(admin("DELETE", "/webhooks/" + hookId, null));
        }
    }

    private String hook(String url, String events, String secret) {
        return ok(admin("POST", "/webhooks", "{\"url\":\"" + url + "\",\"events\":" + events + ",\"secret\":\"" + secret + "\"}"))
                .get("id").asString();
    }

    private static boolean isTest(JsonNode attempt) {
        return "webhook.test".equals(attempt.get("event_type").asString());
    }

    @Test
    void aTestEventGoesToThatWebhookOnlyWhateverItSubscribedToSignedAndLogged() throws Exception {
        String secret = "whsec-test-ping-0123456789";
        String target = hook(receiver.url("/pinged"), "[\"budget.exhausted\"]", secret);
        String bystander = hook(receiver.url("/bystander"), "[\"*\"]", "whsec-bystander-0123456789");

        HttpResponse<String> accepted = admin("POST", "/webhooks/" + target + "/test", null);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode answer = json(accepted);
        assertThat(answer.get("event_id").asString()).startsWith("evt_");
        assertThat(answer.get("delivery_id").asString()).startsWith("dlv_");
        assertThat(answer.get("webhook_id").asString()).isEqualTo(target);
        assertThat(answer.get("event_type").asString()).isEqualTo("webhook.test");

        WebhookReceiver.Call call = Poll.until("the test event delivered", WAIT, () -> receiver.calls("/pinged"), c -> !c.isEmpty()).getFirst();
        assertThat(call.header("X-Ingate-Event")).isEqualTo("webhook.test");
        assertThat(call.header("X-Ingate-Delivery")).isEqualTo(answer.get("delivery_id").asString());
        assertThat(Hmac.verifies(secret, call.body(), call.header("X-Ingate-Signature"))).isTrue();
        JsonNode payload = json(call.bodyText());
        assertThat(payload.get("id").asString()).isEqualTo(answer.get("event_id").asString());
        assertThat(payload.get("type").asString()).isEqualTo("webhook.test");
        assertThat(payload.at("/data/webhook_id").asString()).isEqualTo(target);

        List<JsonNode> log = Poll.until("the delivery logged", WAIT, () -> deliveries(target), rows -> !rows.isEmpty());
        assertThat(log).singleElement().satisfies(row -> {
            assertThat(row.get("event_id").asString()).isEqualTo(answer.get("event_id").asString());
            assertThat(row.get("outcome").asString()).isEqualTo("delivered");
            assertThat(isTest(row)).isTrue();
        });
        // the bystander takes every event (other tests' key events may reach it), but not another webhook's test
        assertThat(receiver.calls("/bystander")).noneMatch(c -> "webhook.test".equals(c.header("X-Ingate-Event")));
        assertThat(deliveries(bystander)).noneMatch(WebhooksApiTest::isTest);
        ok(admin("DELETE", "/webhooks/" + target, null));
        ok(admin("DELETE", "/webhooks/" + bystander, null));
    }

    @Test
    void aFailedTestDeliveryIsRetriedLikeAnyOther() {
        try (WebhookReceiver flaky = new WebhookReceiver().answering(500)) {
            String id = hook(flaky.url("/flaky-test"), "[\"budget.exhausted\"]", "whsec-flaky-test-0123456789");
            String deliveryId = ok(admin("POST", "/webhooks/" + id + "/test", "{}")).get("delivery_id").asString();

            List<JsonNode> log = Poll.until("2 attempts logged", WAIT, () -> deliveries(id), rows -> rows.size() >= 2);
            assertThat(log).extracting(row -> row.get("outcome").asString()).containsExactly("delivered", "retrying");
            assertThat(log).extracting(row -> row.get("delivery_id").asString()).containsOnly(deliveryId);
            assertThat(flaky.calls()).extracting(c -> c.header("X-Ingate-Delivery")).containsExactly(deliveryId, deliveryId);
            ok(admin("DELETE", "/webhooks/" + id, null));
        }
    }

    @Test
    void aTestEventForAnUnknownOrDisabledWebhookOrWithABodyIsRefused() {
        assertThat(admin("POST", "/webhooks/wh_nope/test", null).statusCode()).isEqualTo(404);
        String id = hook(receiver.url("/disabled"), "[\"budget.exhausted\"]", "whsec-disabled-0123456789");
        assertThat(admin("GET", "/webhooks/" + id + "/test", null).statusCode()).isEqualTo(404);

        HttpResponse<String> withBody = admin("POST", "/webhooks/" + id + "/test", "{\"event\":\"key.created\"}");
        assertThat(withBody.statusCode()).isEqualTo(400);
        assertThat(json(withBody).at("/error/message").asString()).startsWith("event:");

        ok(admin("PATCH", "/webhooks/" + id, "{\"enabled\":false}"));
        HttpResponse<String> disabled = admin("POST", "/webhooks/" + id + "/test", null);
        assertThat(disabled.statusCode()).isEqualTo(409);
        assertThat(json(disabled).at("/error/message").asString()).contains("disabled");
        assertThat(deliveries(id)).isEmpty();
        ok(admin("DELETE", "/webhooks/" + id, null));
    }
}
