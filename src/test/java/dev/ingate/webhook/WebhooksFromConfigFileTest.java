package dev.ingate.webhook;

import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.Poll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** Webhooks declared in the config file, applied idempotently across restarts; pending deliveries survive a restart. */
class WebhooksFromConfigFileTest {

    private static final String TOKEN = "admin-token-for-file-webhooks";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private final WebhookReceiver receiver = new WebhookReceiver();
    private IngateUnderTest ingate;

    @AfterEach
    void stop() {
        if (ingate != null) {
            ingate.close();
        }
        receiver.close();
    }

    private String config(String retry) {
        return IngateUnderTest.withKey("""
                webhook_retry: %s
                webhooks:
                  - { url: "%s", events: [key.created], secret: "file-secret-1" }
                """.formatted(retry, receiver.url("/file")));
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = send(request(ingate.baseUrl(), "/api/v1" + path).header("Authorization", "Bearer " + TOKEN));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private JsonNode createKey(String name) {
        HttpResponse<String> response = send(request(ingate.baseUrl(), "/api/v1/keys").header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    private List<JsonNode> deliveries(String id) {
        List<JsonNode> rows = new ArrayList<>();
        get("/webhooks/" + id + "/deliveries").get("data").forEach(rows::add);
        return rows;
    }

    @Test
    void theFileIsAppliedOnceAndAnEntryGoneFromItTakesItsWebhookAlong() throws IOException {
        Path data = Files.createTempDirectory("ingate-file-webhooks");
        String config = config("{ attempts: 2, backoff: 50ms }");
        ingate = IngateUnderTest.start(config, Map.of("INGATE_ADMIN_TOKEN", TOKEN), data);
        JsonNode hooks = get("/webhooks").get("data");
        assertThat(hooks.size()).isEqualTo(1);
        String id = hooks.get(0).get("id").asString();
        assertThat(hooks.get(0).get("origin").asString()).isEqualTo("file");
        assertThat(hooks.get(0).get("url").asString()).isEqualTo(receiver.url("/file"));
        assertThat(hooks.get(0).get("secret_hint").asString()).doesNotContain("file-secret-1");

        createKey("from-file-hook");
        List<WebhookReceiver.Call> calls = Poll.until("key.created delivered", WAIT, () -> receiver.calls("/file"), c -> c.size() == 2);
        // the config file's key, created at the first start, is announced like one created through the API
        assertThat(json(calls.get(0).bodyText()).at("/data/name").asString()).isEqualTo("test");
        assertThat(json(calls.get(1).bodyText()).at("/data/name").asString()).isEqualTo("from-file-hook");
        assertThat(calls).allMatch(call -> verifies("file-secret-1", call));

        ingate.close();
        ingate = IngateUnderTest.start(config, Map.of("INGATE_ADMIN_TOKEN", TOKEN), data);
        assertThat(get("/webhooks").get("data").get(0).get("id").asString()).isEqualTo(id);
        assertThat(get("/audit?target=" + id).get("data").size()).as("the same file twice is one change").isEqualTo(1);
        assertThat(get("/audit?target=" + id).get("data").get(0).get("actor").asString()).isEqualTo("config-file");

        ingate.close();
        ingate = IngateUnderTest.start(IngateUnderTest.withKey(""), Map.of("INGATE_ADMIN_TOKEN", TOKEN), data);
        assertThat(get("/webhooks").get("data").size()).isZero();
        assertThat(get("/audit?action=webhook.delete&target=" + id).get("data").size()).isEqualTo(1);
    }

    @Test
    void aPendingDeliveryIsResumedAfterARestart() throws IOException {
        Path data = Files.createTempDirectory("ingate-resumed-webhooks");
        // the retry falls due long after the restart below has begun: the restarted instance must send it
        String config = config("{ attempts: 3, backoff: 3s }");
        ingate = IngateUnderTest.start(config, Map.of("INGATE_ADMIN_TOKEN", TOKEN), data);
        String id = get("/webhooks").get("data").get(0).get("id").asString();
        Poll.until("the config file's key announced", WAIT, () -> receiver.calls("/file"), c -> c.size() == 1);
        receiver.answering(500);
        createKey("survives-restart");
        List<JsonNode> first = Poll.until("the first attempt logged", WAIT, () -> deliveries(id), rows -> rows.size() == 2);
        assertThat(first.getFirst().get("outcome").asString()).isEqualTo("retrying");   // newest first
        ingate.close();
        ingate = null;
        assertThat(receiver.calls("/file")).as("nothing sent between the first attempt and the restart").hasSize(2);

        ingate = IngateUnderTest.start(config, Map.of("INGATE_ADMIN_TOKEN", TOKEN), data);
        List<JsonNode> log = Poll.until("the second attempt logged", WAIT, () -> deliveries(id), rows -> rows.size() >= 3);
        assertThat(log.getFirst().get("outcome").asString()).isEqualTo("delivered");
        assertThat(log.getFirst().get("attempt").asInt()).isEqualTo(2);
        List<WebhookReceiver.Call> calls = receiver.calls("/file");
        assertThat(calls).hasSize(3);
        assertThat(calls.get(2).bodyText()).isEqualTo(calls.get(1).bodyText()).contains("survives-restart");
        assertThat(calls.get(2).header("X-Ingate-Delivery")).isEqualTo(calls.get(1).header("X-Ingate-Delivery"));
    }

    private static boolean verifies(String secret, WebhookReceiver.Call call) {
        try {
            return Hmac.verifies(secret, call.body(), call.header("X-Ingate-Signature"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
