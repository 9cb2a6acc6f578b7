package dev.ingate.state;

import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The config file is the declarative start state: applied at every start, idempotently; an unchanged
 * file leaves admin API overrides alone; a changed entry wins; a removed entry goes.
 */
class ConfigFileAsStartStateTest {

    private static final String TOKEN = "state-test-admin";

    private static String config(MockProvider mock, String teamHeader, boolean withExtra) {
        return IngateUnderTest.withKey("""
                providers:
                  openai: { base_url: "%s", api_key: "sk-file-key", headers: { X-Team: %s } }
                """.formatted(mock.baseUrl(), teamHeader) + (withExtra ? "  extra: { base_url: \"" + mock.baseUrl() + "\" }\n" : ""));
    }

    private static HttpResponse<String> admin(IngateUnderTest ingate, String method, String path, String body) {
        return send(request(ingate.baseUrl(), "/api/v1" + path).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String teamSeenUpstream(IngateUnderTest ingate, MockProvider mock) {
        send(postJson(ingate.baseUrl(), "/v1/chat/completions", "{\"model\":\"m\"}").header("Authorization", "Bearer " + IngateUnderTest.KEY));
        return mock.lastRequest().header("x-team");
    }

    @Test
    void theFileAppliesOnceAndLeavesRuntimeChangesAloneUntilItChanges() throws Exception {
        Path dataDir = Files.createTempDirectory("ingate-start-state");
        Map<String, String> env = Map.of("INGATE_ADMIN_TOKEN", TOKEN);
        try (MockProvider mock = MockProvider.openai()) {
            try (IngateUnderTest first = IngateUnderTest.start(config(mock, "a", true), env, dataDir)) {
                assertThat(teamSeenUpstream(first, mock)).isEqualTo("a");
                assertThat(admin(first, "PATCH", "/providers/openai", "{\"headers\":{\"X-Team\":\"b\"}}").statusCode()).isEqualTo(200);
                assertThat(teamSeenUpstream(first, mock)).isEqualTo("b");
            }
            try (IngateUnderTest same = IngateUnderTest.start(config(mock, "a", true), env, dataDir)) {
                assertThat(teamSeenUpstream(same, mock)).as("the same file again changes nothing").isEqualTo("b");
                HttpResponse<String> openai = admin(same, "GET", "/providers/openai", null);
                assertThat(json(openai).get("origin").asString()).isEqualTo("api");
            }
            try (IngateUnderTest changed = IngateUnderTest.start(config(mock, "c", false), env, dataDir)) {
                assertThat(teamSeenUpstream(changed, mock)).as("a changed file entry wins").isEqualTo("c");
                assertThat(json(admin(changed, "GET", "/providers/openai", null)).get("origin").asString()).isEqualTo("file");
                assertThat(admin(changed, "GET", "/providers/extra", null).statusCode()).as("removed from the file").isEqualTo(404);
            }
        }
    }

    @Test
    void theDatabaseNeverHoldsAProviderKeyInClear() throws Exception {
        Path dataDir = Files.createTempDirectory("ingate-no-clear-keys");
        String fileKey = "sk-file-key-MUST-NOT-APPEAR-0123456789";
        String apiKey = "sk-api-key-MUST-NOT-APPEAR-9876543210";
        try (MockProvider mock = MockProvider.openai();
             IngateUnderTest ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                     providers:
                       openai: { base_url: "%s", api_key: "%s" }
                     """.formatted(mock.baseUrl(), fileKey)), Map.of("INGATE_ADMIN_TOKEN", TOKEN), dataDir)) {
            assertThat(admin(ingate, "POST", "/providers", "{\"name\":\"viaapi\",\"base_url\":\"" + mock.baseUrl() + "\",\"api_key\":\"" + apiKey + "\"}")
                    .statusCode()).isEqualTo(201);
            send(postJson(ingate.baseUrl(), "/v1/chat/completions", "{}").header("Authorization", "Bearer " + IngateUnderTest.KEY).header("X-Ingate-Provider", "viaapi"));
            assertThat(mock.lastRequest().header("authorization")).isEqualTo("Bearer " + apiKey);
        }
        try (var files = Files.list(dataDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("ingate.db")).toList()) {
                String bytes = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(file.toString()).doesNotContain(fileKey).doesNotContain(apiKey)
                        .doesNotContain(IngateUnderTest.KEY);
            }
        }
    }
}
