package dev.ingate.state;

import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import dev.ingate.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** Two Ingate instances on one PostgreSQL: an admin change on one takes effect on the other within a second. */
class TwoInstancesTest {

    private static final String TOKEN = "two-instances-admin";

    private static Duration within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > limit.toNanos()) {
                throw new AssertionError("not true within " + limit);
            }
            Thread.sleep(20);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void changesOnOneInstanceReachTheOtherWithinASecond() throws Exception {
        try (TestDatabases.Place schema = TestDatabases.postgres("ingate_it_");
             MockProvider mock = MockProvider.openai()) {
            Map<String, String> env = Map.of("INGATE_DATABASE_URL", schema.url(), "INGATE_ADMIN_TOKEN", TOKEN,
                    "INGATE_MASTER_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
            String config = IngateUnderTest.withKey("providers:\n  openai: { base_url: \"" + mock.baseUrl() + "\" }\n");
            try (IngateUnderTest a = IngateUnderTest.start(config, env, null);
                 IngateUnderTest b = IngateUnderTest.start(config, env, null)) {
                HttpResponse<String> created = send(request(a.baseUrl(), "/api/v1/keys").header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"shared\"}")));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                String secret = json(created).get("key").asString();
                String id = json(created).get("id").asString();
                Duration seen = within(Duration.ofSeconds(1), () -> chat(b, secret, null) == 200);
                assertThat(seen).isLessThan(Duration.ofSeconds(1));

                send(request(a.baseUrl(), "/api/v1/providers").header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"added\",\"base_url\":\"" + mock.baseUrl() + "\",\"api_key\":\"sk-added-on-a\"}")));
                within(Duration.ofSeconds(1), () -> chat(b, IngateUnderTest.KEY, "added") == 200);
                assertThat(mock.lastRequest().header("authorization")).isEqualTo("Bearer sk-added-on-a");

                send(request(a.baseUrl(), "/api/v1/routes").header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"shared-*\",\"targets\":[{\"provider\":\"added\"}]}")));
                within(Duration.ofSeconds(1), () -> b.state().routes().match("shared-model").isPresent());

                send(request(a.baseUrl(), "/api/v1/keys/" + id).header("Authorization", "Bearer " + TOKEN).DELETE());
                within(Duration.ofSeconds(1), () -> chat(b, secret, null) == 401);

                HttpResponse<String> health = send(request(b.baseUrl(), "/health"));
                assertThat(json(health).at("/checks/database").asString()).isEqualTo("ok");
            }
        }
    }

    private static int chat(IngateUnderTest ingate, String key, String provider) {
        HttpRequest.Builder call = postJson(ingate.baseUrl(), "/v1/chat/completions", "{\"model\":\"m\"}").header("Authorization", "Bearer " + key);
        if (provider != null) {
            call.header("X-Ingate-Provider", provider);
        }
        return send(call).statusCode();
    }
}
