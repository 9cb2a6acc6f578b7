package dev.ingate.limits;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** rpm, tpm, budget_usd and budget_period through /api/v1/keys, and a limit set there taking effect. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyLimitsApiTest {

    private static final String TOKEN = "admin-token-for-limit-tests";
    private MockProvider mock;
    private IngateUnderTest ingate;

    @BeforeAll
    void start() {
        mock = MockProvider.openai();
        ingate = IngateUnderTest.start("""
                providers:
                  openai: { base_url: "%s", api_key: "sk-upstream" }
                keys:
                  - { name: from-file, key: sk-ingate-from-file-0123456789abcdefghijklm, rpm: 600, budget_usd: 50 }
                """.formatted(mock.baseUrl()), Map.of("INGATE_ADMIN_TOKEN", TOKEN), null);
    }

    @AfterAll
    void stop() {
        ingate.close();
        mock.close();
    }

    private HttpResponse<String> admin(String method, String path, String body) {
        HttpRequest.Builder call = request(ingate.baseUrl(), "/api/v1" + path).header("Authorization", "Bearer " + TOKEN);
        call.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            call.header("Content-Type", "application/json");
        }
        return send(call);
    }

    @Test
    void createShowPatchAndClear() {
        HttpResponse<String> created = admin("POST", "/keys",
                "{\"name\":\"limited\",\"rpm\":1,\"tpm\":5000,\"budget_usd\":12.5,\"budget_period\":\"day\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode key = json(created);
        assertThat(key.get("rpm").asLong()).isEqualTo(1);
        assertThat(key.get("tpm").asLong()).isEqualTo(5000);
        assertThat(key.get("budget_usd").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(key.get("budget_period").asString()).isEqualTo("day");
        String id = key.get("id").asString();
        String secret = key.get("key").asString();

        Calls.freshWindow(15);
        assertThat(Calls.chat(ingate.baseUrl(), secret, 16).statusCode()).isEqualTo(200);
        assertThat(Calls.chat(ingate.baseUrl(), secret, 16).statusCode()).isEqualTo(429);

        HttpResponse<String> patched = admin("PATCH", "/keys/" + id, "{\"rpm\":null,\"budget_period\":\"total\"}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        JsonNode shown = json(admin("GET", "/keys/" + id, null));
        assertThat(shown.get("rpm").isNull()).isTrue();
        assertThat(shown.get("tpm").asLong()).isEqualTo(5000);
        assertThat(shown.get("budget_period").asString()).isEqualTo("total");
        assertThat(Calls.chat(ingate.baseUrl(), secret, 16).statusCode()).isEqualTo(200);   // no rpm any more

        admin("PATCH", "/keys/" + id, "{\"budget_usd\":0}");   // the budget the key's next request spends from changes too
        assertThat(Calls.chat(ingate.baseUrl(), secret, 16).statusCode()).isEqualTo(402);

        admin("PATCH", "/keys/" + id, "{\"budget_usd\":null}");
        shown = json(admin("GET", "/keys/" + id, null));
        assertThat(shown.get("budget_usd").isNull()).isTrue();
        assertThat(shown.get("budget_period").isNull()).isTrue();
    }

    @Test
    void keysFromTheFileShowTheirLimits() {
        JsonNode fromFile = null;
        for (JsonNode key : json(admin("GET", "/keys", null)).get("data")) {
            if (key.get("name").asString().equals("from-file")) {
                fromFile = key;
            }
        }
        assertThat(fromFile).isNotNull();
        assertThat(fromFile.get("rpm").asLong()).isEqualTo(600);
        assertThat(fromFile.get("tpm").isNull()).isTrue();
        assertThat(fromFile.get("budget_usd").decimalValue()).isEqualByComparingTo("50");
        assertThat(fromFile.get("budget_period").asString()).isEqualTo("month");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"x1\",\"rpm\":0}                           | rpm: must be a whole number of at least 1",
            "{\"name\":\"x2\",\"tpm\":\"many\"}                     | tpm: must be a whole number of at least 1",
            "{\"name\":\"x3\",\"budget_usd\":-1}                    | budget_usd: must be a number of USD",
            "{\"name\":\"x4\",\"budget_usd\":\"5\"}                 | budget_usd: must be a number of USD",
            "{\"name\":\"x5\",\"budget_usd\":5,\"budget_period\":\"week\"} | budget_period: must be day, month or total",
            "{\"name\":\"x6\",\"budget_period\":\"day\"}            | budget_period: needs budget_usd",
    })
    void badFieldsAre400NamingTheField(String body, String message) {
        HttpResponse<String> refused = admin("POST", "/keys", body);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).at("/error/message").asString()).startsWith(message);
    }
}
