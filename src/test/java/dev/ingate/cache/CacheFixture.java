package dev.ingate.cache;

import dev.ingate.testkit.HttpCalls;
import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import dev.ingate.testkit.Poll;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An Ingate with a cache section in front of OpenAI and Anthropic mocks, two gateway keys, and the admin API at hand. */
final class CacheFixture implements AutoCloseable {

    static final String ADMIN = "cache-admin";
    static final String OTHER_KEY = "sk-ingate-other0123456789abcdefghijklmnopqrstu";

    final MockProvider openai;
    final MockProvider anthropic;
    final IngateUnderTest ingate;

    CacheFixture(String cacheYaml) {
        this(cacheYaml, Map.of(), MockProvider.openai(), MockProvider.anthropic());
    }

    /** With the mocks of another fixture: two instances in front of the same upstreams. */
    CacheFixture(String cacheYaml, Map<String, String> env, MockProvider openai, MockProvider anthropic) {
        this.openai = openai;
        this.anthropic = anthropic;
        Map<String, String> environment = new HashMap<>(env);
        environment.put("INGATE_ADMIN_TOKEN", ADMIN);
        this.ingate = IngateUnderTest.start("""
                keys:
                  - { name: test, key: "%s" }
                  - { name: other, key: "%s" }
                providers:
                  openai: { base_url: "%s", api_key: "sk-up" }
                  anthropic: { base_url: "%s", api_key: "sk-up" }
                %s
                """.formatted(IngateUnderTest.KEY, OTHER_KEY, openai.baseUrl(), anthropic.baseUrl(), cacheYaml), environment, null);
    }

    String url() {
        return ingate.baseUrl();
    }

    /** POST with the test key and the given header pairs. */
    HttpResponse<String> post(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpCalls.postJson(url(), path, json).header("Authorization", "Bearer " + IngateUnderTest.KEY);
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return HttpCalls.send(request);
    }

    static String cache(HttpResponse<?> response) {
        return response.headers().firstValue(CacheStatus.HEADER).orElse(null);
    }

    JsonNode admin(String pathAndQuery) {
        HttpResponse<String> response = HttpCalls.send(HttpCalls.request(url(), "/api/v1" + pathAndQuery).header("Authorization", "Bearer " + ADMIN));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return HttpCalls.json(response);
    }

    /** The request record of {@code response}, once the writer has stored it. */
    JsonNode record(HttpResponse<?> response) {
        String id = response.headers().firstValue("X-Ingate-Request-Id").orElseThrow();
        return Poll.until("record " + id, Duration.ofSeconds(10), () -> {
            HttpResponse<String> r = HttpCalls.send(HttpCalls.request(url(), "/api/v1/requests/" + id).header("Authorization", "Bearer " + ADMIN));
            return r.statusCode() == 200 ? HttpCalls.json(r) : null;
        }, r -> r != null);
    }

    String metrics() {
        return HttpCalls.send(HttpCalls.request(url(), "/metrics")).body();
    }

    void closeIngateOnly() {
        ingate.close();
    }

    @Override
    public void close() {
        ingate.close();
        openai.close();
        anthropic.close();
    }
}
