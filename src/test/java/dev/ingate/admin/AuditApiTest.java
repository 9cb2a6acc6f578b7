package dev.ingate.admin;

import dev.ingate.testkit.IngateUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of admin change leaves one audit entry with who, what and both sides, secrets masked; through real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditApiTest {

    private static final String TOKEN = "admin-token-for-audit-tests";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private IngateUnderTest ingate;

    @BeforeAll
    void start() {
        ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                providers:
                  openai: { base_url: "http://127.0.0.1:9", api_key: "sk-file-upstream-secret" }
                """), Map.of("INGATE_ADMIN_TOKEN", TOKEN), null);
    }

    @AfterAll
    void stop() {
        ingate.close();
    }

    private HttpResponse<String> admin(String method, String path, String body) {
        HttpRequest.Builder call = request(ingate.baseUrl(), "/api/v1" + path).header("Authorization", "Bearer " + TOKEN)
                .header("X-Ingate-Actor", "alice@example.com").header("User-Agent", "audit-test/1.0");
        call.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            call.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = send(call);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
        return response;
    }

    private JsonNode audit(String query) {
        HttpResponse<String> response = send(request(ingate.baseUrl(), "/api/v1/audit" + query).header("Authorization", "Bearer " + TOKEN));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** The newest entry for this action and target. */
    private JsonNode latest(String action, String target) {
        JsonNode data = audit("?action=" + action + "&target=" + encode(target)).get("data");
        assertThat(data.size()).as("entries for %s %s", action, target).isGreaterThanOrEqualTo(1);
        return data.get(0);
    }

    @Test
    void theConfigFileAtStartIsRecordedAsConfigFileWithSecretsMasked() {
        JsonNode provider = latest("provider.create", "openai");
        assertThat(provider.get("actor").asString()).isEqualTo("config-file");
        assertThat(provider.get("via").asString()).isEqualTo("config_file");
        assertThat(provider.get("before").isNull()).isTrue();
        assertThat(provider.get("after")).isEqualTo(JSON.readTree(
                "{\"name\":\"openai\",\"base_url\":\"http://127.0.0.1:9\",\"api_key\":\"***\",\"origin\":\"file\"}"));

        JsonNode key = latest("key.create", "file-test");
        assertThat(key.get("actor").asString()).isEqualTo("config-file");
        assertThat(key.get("after").get("sha256").asString()).isEqualTo("***");
        assertThat(audit("?actor=config-file").toString()).doesNotContain("sk-file-upstream-secret").doesNotContain(IngateUnderTest.KEY);
    }

    @Test
    void providerChangesRecordWhoAndBothSidesMasked() {
        admin("POST", "/providers", """
                {"name":"audited","type":"openai","base_url":"http://127.0.0.1:9","api_key":"sk-audited-secret-1",
                 "headers":{"X-Team":"ml","X-Auth-Token":"hdr-secret"}}""");
        JsonNode created = latest("provider.create", "audited");
        assertThat(created.get("actor").asString()).isEqualTo("alice@example.com");
        assertThat(created.get("via").asString()).isEqualTo("admin_api");
        assertThat(created.get("address").asString()).isEqualTo("127.0.0.1");
        assertThat(created.get("user_agent").asString()).isEqualTo("audit-test/1.0");
        assertThat(Instant.parse(created.get("created_at").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(created.get("id").asString()).startsWith("aud_");
        assertThat(created.get("before").isNull()).isTrue();
        assertThat(created.get("after")).isEqualTo(JSON.readTree("""
                {"name":"audited","type":"openai","base_url":"http://127.0.0.1:9","api_key":"***",
                 "headers":{"X-Team":"ml","X-Auth-Token":"***"},"origin":"api"}"""));

        admin("PATCH", "/providers/audited", "{\"base_url\":\"http://127.0.0.1:10\",\"api_key\":\"sk-rotated-secret-2\"}");
        JsonNode updated = latest("provider.update", "audited");
        assertThat(updated.get("before").get("base_url").asString()).isEqualTo("http://127.0.0.1:9");
        assertThat(updated.get("after").get("base_url").asString()).isEqualTo("http://127.0.0.1:10");
        assertThat(updated.get("after").get("api_key").asString()).isEqualTo("***");

        admin("PUT", "/providers/audited/fallback", "[{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\"}]");
        JsonNode chain = latest("fallback.update", "audited");
        assertThat(chain.get("before").isNull()).isTrue();
        assertThat(chain.get("after")).isEqualTo(JSON.readTree("[{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\"}]"));

        admin("PUT", "/providers/default", "{\"provider_name\":\"audited\"}");
        JsonNode defaultChange = latest("default_provider.update", "audited");
        assertThat(defaultChange.get("after")).isEqualTo(JSON.readTree("{\"provider_name\":\"audited\"}"));
        admin("PUT", "/providers/default", "{\"provider_name\":\"openai\"}");

        admin("DELETE", "/providers/audited", null);
        JsonNode deleted = latest("provider.delete", "audited");
        assertThat(deleted.get("after").isNull()).isTrue();
        assertThat(deleted.get("before").get("base_url").asString()).isEqualTo("http://127.0.0.1:10");

        String everything = audit("?target=audited&limit=1000").toString();
        assertThat(everything).doesNotContain("sk-audited-secret-1").doesNotContain("sk-rotated-secret-2").doesNotContain("hdr-secret");
    }

    @Test
    void keyChangesAreRecordedWithoutTheSecretOrItsHash() {
        JsonNode key = json(admin("POST", "/keys", "{\"name\":\"audited-key\"}"));
        String id = key.get("id").asString();
        String secret = key.get("key").asString();
        admin("PATCH", "/keys/" + id, "{\"enabled\":false}");
        admin("PATCH", "/keys/" + id, "{\"rpm\":60,\"budget_usd\":5}");
        admin("DELETE", "/keys/" + id, null);

        JsonNode created = latest("key.create", id);
        assertThat(created.get("after")).isEqualTo(JSON.readTree("""
                {"id":"%s","name":"audited-key","prefix":"%s","sha256":"***","providers":[],"models":[],"expires_at":null,
                 "enabled":true,"origin":"api","rpm":null,"tpm":null,"budget_usd":null,"budget_period":null}""".formatted(id,
                key.get("prefix").asString())));
        JsonNode limited = latest("key.update", id);
        assertThat(limited.get("before").get("rpm").isNull()).isTrue();
        assertThat(limited.get("after").get("rpm").asInt()).as("limits show in both sides").isEqualTo(60);
        assertThat(limited.get("after").get("budget_usd").decimalValue()).isEqualByComparingTo("5");
        assertThat(limited.get("after").get("budget_period").asString()).isEqualTo("month");
        JsonNode updated = audit("?action=key.update&target=" + id).get("data").get(1);
        assertThat(updated.get("before").get("enabled").asBoolean()).isTrue();
        assertThat(updated.get("after").get("enabled").asBoolean()).isFalse();
        JsonNode revoked = latest("key.revoke", id);
        assertThat(revoked.get("before").get("name").asString()).isEqualTo("audited-key");
        assertThat(revoked.get("after").isNull()).isTrue();
        assertThat(audit("?target=" + id).toString()).doesNotContain(secret).doesNotContain(secret.substring(12));
    }

    @Test
    void routeAndWebhookChangesAreRecorded() {
        admin("POST", "/routes", "{\"model\":\"audited-fast\",\"targets\":[{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\"}]}");
        admin("PUT", "/routes/audited-fast", "{\"targets\":[{\"provider\":\"openai\",\"model\":\"gpt-4o\"}]}");
        admin("DELETE", "/routes/audited-fast", null);
        assertThat(latest("route.create", "audited-fast").get("after").at("/targets/0/model").asString()).isEqualTo("gpt-4o-mini");
        JsonNode replaced = latest("route.update", "audited-fast");
        assertThat(replaced.get("before").at("/targets/0/model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(replaced.get("after").at("/targets/0/model").asString()).isEqualTo("gpt-4o");
        assertThat(latest("route.delete", "audited-fast").get("after").isNull()).isTrue();

        JsonNode hook = json(admin("POST", "/webhooks", "{\"url\":\"http://127.0.0.1:9/h\",\"events\":[\"*\"],\"secret\":\"whsec-audited-1\"}"));
        String id = hook.get("id").asString();
        admin("PATCH", "/webhooks/" + id, "{\"secret\":\"whsec-audited-2\",\"enabled\":false}");
        admin("DELETE", "/webhooks/" + id, null);
        assertThat(latest("webhook.create", id).get("after")).isEqualTo(JSON.readTree("""
                {"id":"%s","url":"http://127.0.0.1:9/h","events":["*"],"secret":"***","enabled":true,"origin":"api"}""".formatted(id)));
        assertThat(latest("webhook.update", id).get("after").get("enabled").asBoolean()).isFalse();
        assertThat(latest("webhook.delete", id).get("before").get("secret").asString()).isEqualTo("***");
        assertThat(audit("?target=" + id).toString()).doesNotContain("whsec-audited");
    }

    @Test
    void filtersAndTheCursorWalkEveryEntryOnceNewestFirst() {
        Instant before = Instant.now().minusMillis(1);
        for (int i = 0; i < 5; i++) {
            admin("POST", "/routes", "{\"model\":\"paged-" + i + "\",\"targets\":[{\"provider\":\"openai\"}]}");
        }
        String since = "&since=" + encode(before.toString());
        List<String> targets = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = audit("?action=route.create&actor=alice%40example.com&limit=2" + since + (cursor == null ? "" : "&cursor=" + encode(cursor)));
            page.get("data").forEach(e -> {
                if (e.get("target").asString().startsWith("paged-")) {
                    targets.add(e.get("target").asString());
                }
            });
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
            pages++;
        } while (cursor != null && pages < 20);
        assertThat(targets).containsExactly("paged-4", "paged-3", "paged-2", "paged-1", "paged-0");
        assertThat(pages).isGreaterThanOrEqualTo(3);

        assertThat(audit("?action=route.create&until=" + encode(before.toString())).get("data")).allSatisfy(e ->
                assertThat(e.get("target").asString()).doesNotStartWith("paged-"));
        assertThat(audit("?actor=nobody").get("data").size()).isZero();
    }

    @Test
    void theLogIsAdminOnlyAndReadOnly() {
        assertThat(send(request(ingate.baseUrl(), "/api/v1/audit")).statusCode()).isEqualTo(401);
        for (String method : List.of("DELETE", "POST", "PUT")) {
            HttpResponse<String> response = send(request(ingate.baseUrl(), "/api/v1/audit").header("Authorization", "Bearer " + TOKEN)
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(response.statusCode()).as(method).isEqualTo(404);
        }
        HttpResponse<String> badCursor = send(request(ingate.baseUrl(), "/api/v1/audit?cursor=%25%25").header("Authorization", "Bearer " + TOKEN));
        assertThat(badCursor.statusCode()).isEqualTo(400);
        assertThat(json(badCursor).at("/error/message").asString()).startsWith("cursor:");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
