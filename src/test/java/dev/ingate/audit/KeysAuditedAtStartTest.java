package dev.ingate.audit;

import dev.ingate.testkit.IngateUnderTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** Keys Ingate writes at start are audited: the first key it makes, and a config-file key whose entry changed. */
class KeysAuditedAtStartTest {

    private static final String TOKEN = "admin-token-for-start-audit";
    private static final Map<String, String> ENV = Map.of("INGATE_ADMIN_TOKEN", TOKEN);
    private static final String OLD_SECRET = "sk-ingate-OLDsecret0123456789abcdefghijklmnopq";
    private static final String NEW_SECRET = "sk-ingate-NEWsecret0123456789abcdefghijklmnopq";

    private static JsonNode admin(IngateUnderTest ingate, String pathAndQuery) {
        HttpResponse<String> response = send(request(ingate.baseUrl(), "/api/v1" + pathAndQuery).header("Authorization", "Bearer " + TOKEN));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static List<JsonNode> entries(IngateUnderTest ingate, String query) {
        List<JsonNode> entries = new ArrayList<>();
        admin(ingate, "/audit" + query).get("data").forEach(entries::add);
        return entries;
    }

    /** 401 when the gateway does not know the key; anything else (here a 502: the upstream is a closed port) when it does. */
    private static int proxied(IngateUnderTest ingate, String key) {
        return send(request(ingate.baseUrl(), "/v1/models").header("Authorization", "Bearer " + key)).statusCode();
    }

    @Test
    void theFirstKeyIngateMakesIsAKeyCreateBySystemAtStartup() {
        try (IngateUnderTest ingate = IngateUnderTest.start(null, ENV, null)) {
            String secret = ingate.consoleOutput().replaceAll("(?s).*gateway key:\\s+(\\S+).*", "$1");
            assertThat(secret).startsWith("sk-ingate-");
            JsonNode key = admin(ingate, "/keys").get("data").get(0);

            List<JsonNode> created = entries(ingate, "?action=key.create");
            assertThat(created).singleElement().satisfies(entry -> {
                assertThat(entry.get("actor").asString()).isEqualTo("system");
                assertThat(entry.get("via").asString()).isEqualTo("startup");
                assertThat(entry.get("address").isNull()).isTrue();
                assertThat(entry.get("target").asString()).isEqualTo(key.get("id").asString());
                assertThat(entry.get("before").isNull()).isTrue();
                assertThat(entry.get("after").get("name").asString()).isEqualTo("default");
                assertThat(entry.get("after").get("prefix").asString()).isEqualTo(key.get("prefix").asString());
                assertThat(entry.get("after").get("sha256").asString()).isEqualTo("***");
            });
            assertThat(admin(ingate, "/audit?limit=1000").toString()).doesNotContain(secret);
        }
    }

    @Test
    void aChangedConfigFileKeyIsOneKeyUpdateWithBothSidesMasked() throws Exception {
        Path dataDir = Files.createTempDirectory("ingate-key-rotation");
        String before = """
                providers: { openai: { base_url: "http://127.0.0.1:9", api_key: "sk-up" } }
                keys: [ { name: ci, key: "%s", rpm: 10 } ]
                """.formatted(OLD_SECRET);
        String after = """
                providers: { openai: { base_url: "http://127.0.0.1:9", api_key: "sk-up" } }
                keys: [ { name: ci, key: "%s", rpm: 20, budget_usd: 5 } ]
                """.formatted(NEW_SECRET);
        JsonNode original;
        try (IngateUnderTest first = IngateUnderTest.start(before, ENV, dataDir)) {
            original = admin(first, "/keys").get("data").get(0);
        }
        try (IngateUnderTest second = IngateUnderTest.start(after, ENV, dataDir)) {
            List<JsonNode> trail = entries(second, "?target=file-ci");
            assertThat(trail).extracting(e -> e.get("action").asString()).as("newest first, no revoke").containsExactly("key.update", "key.create");
            JsonNode update = trail.getFirst();
            assertThat(update.get("actor").asString()).isEqualTo("config-file");
            assertThat(update.get("before").get("prefix").asString()).isEqualTo(OLD_SECRET.substring(0, 14));
            assertThat(update.get("after").get("prefix").asString()).as("the rotation shows in the prefix").isEqualTo(NEW_SECRET.substring(0, 14));
            assertThat(update.get("before").get("sha256").asString()).isEqualTo("***");
            assertThat(update.get("after").get("sha256").asString()).isEqualTo("***");
            assertThat(update.get("before").get("rpm").asInt()).isEqualTo(10);
            assertThat(update.get("after").get("rpm").asInt()).isEqualTo(20);
            assertThat(update.get("after").get("budget_usd").decimalValue()).isEqualByComparingTo("5");
            assertThat(update.get("after").get("origin").asString()).isEqualTo("file");
            assertThat(admin(second, "/audit?limit=1000").toString()).doesNotContain(OLD_SECRET).doesNotContain(NEW_SECRET);

            JsonNode key = admin(second, "/keys").get("data").get(0);
            assertThat(key.get("id").asString()).isEqualTo("file-ci");
            assertThat(key.get("created_at").asString()).as("the same key, changed").isEqualTo(original.get("created_at").asString());
            assertThat(key.get("rpm").asInt()).isEqualTo(20);
            assertThat(proxied(second, OLD_SECRET)).as("the old secret is gone").isEqualTo(401);
            assertThat(proxied(second, NEW_SECRET)).isNotEqualTo(401);
        }
        try (IngateUnderTest third = IngateUnderTest.start(after, ENV, dataDir)) {
            assertThat(entries(third, "?target=file-ci")).as("the same file again changes nothing").hasSize(2);
        }
    }
}
