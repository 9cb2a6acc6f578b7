package dev.ingate.admin;

import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** The admin API through real HTTP, on the embedded SQLite database: changes take effect on the next request. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiTest {

    private static final String TOKEN = "admin-token-for-tests";
    private MockProvider mock;
    private IngateUnderTest ingate;

    @BeforeAll
    void start() {
        mock = MockProvider.openai();
        ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                providers:
                  openai: { base_url: "%s", api_key: "sk-file-upstream" }
                """.formatted(mock.baseUrl())), Map.of("INGATE_ADMIN_TOKEN", TOKEN), null);
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

    private HttpResponse<String> chat(String key, String provider) {
        HttpRequest.Builder call = postJson(ingate.baseUrl(), "/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":[]}")
                .header("Authorization", "Bearer " + key);
        if (provider != null) {
            call.header("X-Ingate-Provider", provider);
        }
        return send(call);
    }

    private static String error(HttpResponse<String> response) {
        return json(response).at("/error/message").asString();
    }

    @Test
    void withoutTheTokenEverythingIs401() {
        assertThat(send(request(ingate.baseUrl(), "/api/v1/providers")).statusCode()).isEqualTo(401);
        assertThat(send(request(ingate.baseUrl(), "/api/v1/providers").header("Authorization", "Bearer wrong")).statusCode()).isEqualTo(401);
        HttpResponse<String> response = send(request(ingate.baseUrl(), "/api/v1/keys"));
        assertThat(json(response).at("/error/type").asString()).isEqualTo("authentication_error");
    }

    @Test
    void aProviderCreatedThroughTheApiIsUsedAtOnce() {
        HttpResponse<String> created = admin("POST", "/providers",
                "{\"name\":\"groq-like\",\"type\":\"openai\",\"base_url\":\"" + mock.baseUrl() + "\",\"api_key\":\"sk-groq-secret-123456\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("sk-groq-secret-123456");
        assertThat(json(created).get("api_key_hint").asString()).isEqualTo("sk-…3456");
        assertThat(json(created).get("origin").asString()).isEqualTo("api");

        HttpResponse<String> response = chat(IngateUnderTest.KEY, "groq-like");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(mock.lastRequest().header("authorization")).isEqualTo("Bearer sk-groq-secret-123456");
    }

    @Test
    void listingsShowWhereEachProviderCameFromAndNoSecrets() {
        HttpResponse<String> list = admin("GET", "/providers", null);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode data = json(list).get("data");
        assertThat(json(list).has("next_cursor")).isTrue();
        JsonNode openai = null;
        for (JsonNode p : data) {
            if (p.get("name").asString().equals("openai")) openai = p;
        }
        assertThat(openai).isNotNull();
        assertThat(openai.get("origin").asString()).isEqualTo("file");
        assertThat(openai.has("api_key")).isFalse();
        assertThat(list.body()).doesNotContain("sk-file-upstream");
    }

    @Test
    void patchMergesAndKeepsTheStoredKey() {
        admin("POST", "/providers", "{\"name\":\"patchme\",\"base_url\":\"" + mock.baseUrl() + "\",\"api_key\":\"sk-patch-secret-000000\"}");
        HttpResponse<String> patched = admin("PATCH", "/providers/patchme", "{\"headers\":{\"X-Team\":\"ml\"}}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(json(patched).at("/headers/X-Team").asString()).isEqualTo("ml");
        chat(IngateUnderTest.KEY, "patchme");
        assertThat(mock.lastRequest().header("authorization")).isEqualTo("Bearer sk-patch-secret-000000");
        assertThat(mock.lastRequest().header("x-team")).isEqualTo("ml");
    }

    @Test
    void theDefaultProviderCanBeSet() {
        admin("POST", "/providers", "{\"name\":\"dflt\",\"base_url\":\"" + mock.baseUrl() + "\"}");
        HttpResponse<String> set = admin("PUT", "/providers/default", "{\"provider_name\":\"dflt\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(json(admin("GET", "/providers/default", null)).get("provider_name").asString()).isEqualTo("dflt");
        HttpResponse<String> routed = send(request(ingate.baseUrl(), "/v9/anything").header("Authorization", "Bearer " + IngateUnderTest.KEY));
        assertThat(routed.headers().firstValue("X-Ingate-Served-By")).contains("dflt");
        HttpResponse<String> delete = admin("DELETE", "/providers/dflt", null);
        assertThat(delete.statusCode()).isEqualTo(400);
        assertThat(error(delete)).contains("default provider");
        assertThat(admin("PUT", "/providers/default", "{\"provider_name\":\"nope\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void aFallbackChainIsStoredAndReadBack() {
        admin("POST", "/providers", "{\"name\":\"backup\",\"base_url\":\"" + mock.baseUrl() + "\"}");
        HttpResponse<String> put = admin("PUT", "/providers/openai/fallback", "[{\"provider\":\"backup\",\"model\":\"gpt-4o-mini\"},{\"provider\":\"anthropic\"}]");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode chain = json(admin("GET", "/providers/openai/fallback", null));
        assertThat(chain.size()).isEqualTo(2);
        assertThat(chain.get(0).get("provider").asString()).isEqualTo("backup");
        assertThat(chain.get(0).get("model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(chain.get(1).get("model").isNull()).isTrue();
        assertThat(ingate.state().fallbacks().get("openai")).hasSize(2);
        assertThat(error(admin("PUT", "/providers/openai/fallback", "[{\"provider\":\"openai\"}]"))).contains("[0].provider");
        assertThat(error(admin("PUT", "/providers/openai/fallback", "[{\"provider\":\"ghost\"}]"))).contains("ghost");
    }

    @Test
    void keysAreShownOnceWorkAtOnceAndRevocationIsImmediate() {
        HttpResponse<String> created = admin("POST", "/keys", "{\"name\":\"ci\",\"providers\":[\"openai\"],\"models\":[\"gpt-4o*\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String secret = json(created).get("key").asString();
        String id = json(created).get("id").asString();
        assertThat(secret).startsWith("sk-ingate-").hasSizeGreaterThanOrEqualTo(10 + 32);
        assertThat(json(created).get("prefix").asString()).isEqualTo(secret.substring(0, 14));
        assertThat(chat(secret, null).statusCode()).isEqualTo(200);

        HttpResponse<String> list = admin("GET", "/keys", null);
        assertThat(list.body()).doesNotContain(secret).contains(id);
        assertThat(admin("GET", "/keys/" + id, null).body()).contains("\"last_used_at\"");

        assertThat(admin("DELETE", "/keys/" + id, null).statusCode()).isEqualTo(200);
        assertThat(chat(secret, null).statusCode()).isEqualTo(401);
        assertThat(admin("DELETE", "/keys/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aDisabledOrExpiredKeyIs401() {
        String created = admin("POST", "/keys", "{\"name\":\"temp\"}").body();
        String secret = json(created).get("key").asString();
        String id = json(created).get("id").asString();
        assertThat(chat(secret, null).statusCode()).isEqualTo(200);
        assertThat(admin("PATCH", "/keys/" + id, "{\"enabled\":false}").statusCode()).isEqualTo(200);
        assertThat(chat(secret, null).statusCode()).isEqualTo(401);
        admin("PATCH", "/keys/" + id, "{\"enabled\":true,\"expires_at\":\"2001-01-01T00:00:00Z\"}");
        assertThat(chat(secret, null).statusCode()).isEqualTo(401);
    }

    @Test
    void badInputIs400NamingTheField() {
        assertThat(error(admin("POST", "/providers", "{\"name\":\"x1\",\"base_url\":\"https://x\",\"bse_url\":\"y\"}"))).contains("bse_url");
        assertThat(error(admin("POST", "/providers", "{\"name\":\"x2\",\"type\":\"openai\"}"))).contains("base_url");
        assertThat(error(admin("POST", "/providers", "{\"name\":\"x3\",\"base_url\":\"not a url\"}"))).contains("base_url");
        assertThat(error(admin("POST", "/providers", "{\"name\":\"Bad Name\",\"base_url\":\"https://x\"}"))).contains("name");
        assertThat(error(admin("POST", "/providers", "{\"base_url\":\"https://x\"}"))).contains("name");
        assertThat(error(admin("POST", "/providers", "{\"name\":\"x4\",\"base_url\":\"https://x\",\"auth_mode\":\"magic\"}"))).contains("auth_mode");
        assertThat(admin("POST", "/providers", "{not json").statusCode()).isEqualTo(400);
        assertThat(admin("POST", "/providers", "[1]").statusCode()).isEqualTo(400);
        assertThat(error(admin("POST", "/keys", "{\"name\":\"k\",\"scope\":1}"))).contains("scope");
        assertThat(error(admin("POST", "/keys", "{\"name\":\"k\",\"providers\":[\"ghost\"]}"))).contains("providers");
        assertThat(error(admin("POST", "/keys", "{\"name\":\"k\",\"expires_at\":\"tomorrow\"}"))).contains("expires_at");
        assertThat(admin("GET", "/nothing-here", null).statusCode()).isEqualTo(404);
    }

    @Test
    void duplicateNamesAre409() {
        String body = "{\"name\":\"twice\",\"base_url\":\"" + mock.baseUrl() + "\"}";
        assertThat(admin("POST", "/providers", body).statusCode()).isEqualTo(201);
        HttpResponse<String> again = admin("POST", "/providers", body);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(error(again)).contains("already exists");
    }

    @Test
    void envReferencesInBodiesAreTakenLiterally() {
        HttpResponse<String> created = admin("POST", "/providers", "{\"name\":\"literal\",\"base_url\":\"" + mock.baseUrl() + "\",\"headers\":{\"X-Raw\":\"${HOME}\"}}");
        assertThat(json(created).at("/headers/X-Raw").asString()).isEqualTo("${HOME}");
    }
}
