package dev.ingate.proxy;

import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** What the upstream receives, header by header, in both auth modes and from every key carrier. */
class AuthModesTest extends ProxyTestBase {

    private static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String MESSAGES = "{\"model\":\"claude\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @Test
    void apiKeyModeInjectsTheProviderKeyAndDropsTheCallersCredentials() {
        HttpResponse<String> response = send(postJson(fx.url(), "/v1/chat/completions?trace=1&x=a%20b", CHAT)
                .header("X-Ingate-Key", IngateUnderTest.KEY)
                .header("x-api-key", "sk-callers-own")
                .header("api-key", "azure-callers-own")
                .header("X-Ingate-Session-Id", "s1")
                .header("OpenAI-Organization", "org-1")
                .header("X-Custom", "kept"));
        assertThat(response.statusCode()).isEqualTo(200);
        MockProvider.Recorded got = fx.openai.lastRequest();
        assertThat(got.header("authorization")).isEqualTo("Bearer " + ProxyFixture.OPENAI_UPSTREAM_KEY);
        assertThat(got.header("x-api-key")).isNull();
        assertThat(got.header("api-key")).isNull();
        assertThat(got.headers().keySet()).noneMatch(name -> name.startsWith("x-ingate-"));
        assertThat(got.header("openai-organization")).isEqualTo("org-1");
        assertThat(got.header("x-custom")).isEqualTo("kept");
        assertThat(got.header("host")).isEqualTo("127.0.0.1:" + fx.openai.port());
        assertThat(got.query()).isEqualTo("trace=1&x=a%20b");
        assertThat(got.bodyText()).isEqualTo(CHAT);
    }

    @Test
    void theGatewayKeyInAuthorizationIsReplacedNotForwarded() {
        send(postJson(fx.url(), "/v1/chat/completions", CHAT).header("Authorization", "Bearer " + IngateUnderTest.KEY));
        MockProvider.Recorded got = fx.openai.lastRequest();
        assertThat(got.header("authorization")).isEqualTo("Bearer " + ProxyFixture.OPENAI_UPSTREAM_KEY);
        assertThat(got.headers().toString()).doesNotContain(IngateUnderTest.KEY);
    }

    @Test
    void anthropicGetsItsKeyHeaderAndADefaultVersion() {
        send(postJson(fx.url(), "/v1/messages", MESSAGES).header("x-api-key", IngateUnderTest.KEY));
        MockProvider.Recorded got = fx.anthropic.lastRequest();
        assertThat(got.header("x-api-key")).isEqualTo(ProxyFixture.ANTHROPIC_UPSTREAM_KEY);
        assertThat(got.header("authorization")).isNull();
        assertThat(got.header("anthropic-version")).isEqualTo("2023-06-01");
    }

    @Test
    void theCallersAnthropicVersionIsKept() {
        send(postJson(fx.url(), "/v1/messages", MESSAGES).header("x-api-key", IngateUnderTest.KEY)
                .header("anthropic-version", "2024-01-01").header("anthropic-beta", "tools-2024"));
        MockProvider.Recorded got = fx.anthropic.lastRequest();
        assertThat(got.headers().get("anthropic-version")).containsExactly("2024-01-01");
        assertThat(got.header("anthropic-beta")).isEqualTo("tools-2024");
    }

    @Test
    void customAuthHeaderSchemePrefixQueryAndHeaders() {
        HttpResponse<String> response = send(postJson(fx.url(), "/v1/chat/completions", CHAT)
                .header("Authorization", "Bearer " + IngateUnderTest.KEY)
                .header("X-Ingate-Provider", "azure-gpt4"));
        assertThat(response.headers().firstValue("X-Ingate-Served-By")).contains("azure-gpt4");
        MockProvider.Recorded got = fx.openai.lastRequest();
        assertThat(got.path()).isEqualTo("/openai/deployments/gpt-4o/chat/completions");
        assertThat(got.query()).isEqualTo("api-version=2024-02-01");
        assertThat(got.header("api-key")).isEqualTo(ProxyFixture.AZURE_UPSTREAM_KEY);
        assertThat(got.header("authorization")).isNull();
        assertThat(got.header("x-team")).isEqualTo("ml");
    }

    @Test
    void passthroughForwardsTheCallersCredentialsUntouched() {
        send(postJson(fx.url(), "/v1/chat/completions", CHAT)
                .header("X-Ingate-Key", IngateUnderTest.KEY)
                .header("X-Ingate-Provider", "together")
                .header("Authorization", "Bearer together-callers-key"));
        MockProvider.Recorded got = fx.openai.lastRequest();
        assertThat(got.header("authorization")).isEqualTo("Bearer together-callers-key");
        assertThat(got.header("x-ingate-key")).isNull();
    }

    @Test
    void passthroughNeverForwardsAGatewayKeyCarrier() {
        send(postJson(fx.url(), "/v1/messages", MESSAGES)
                .header("Authorization", "Bearer " + IngateUnderTest.KEY)
                .header("X-Ingate-Provider", "claude-proxy")
                .header("x-api-key", "sk-ant-callers-own"));
        MockProvider.Recorded got = fx.anthropic.lastRequest();
        assertThat(got.header("authorization")).isNull();
        assertThat(got.header("x-api-key")).isEqualTo("sk-ant-callers-own");
        assertThat(got.header("anthropic-version")).isEqualTo("2023-06-01");
    }

    @Test
    void hopByHopHeadersStayBehind() throws Exception {
        String response = dev.ingate.testkit.RawHttp.exchange(fx.ingate.port(), "GET /v1/models HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Bearer " + IngateUnderTest.KEY + "\r\nX-Drop-Me: 1\r\nConnection: X-Drop-Me, close\r\n"
                + "Keep-Alive: timeout=5\r\nTE: trailers\r\nProxy-Authorization: Basic Zm9vOmJhcg==\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 200");
        MockProvider.Recorded got = fx.openai.lastRequest();
        assertThat(got.header("keep-alive")).isNull();
        assertThat(got.header("te")).isNull();
        assertThat(got.header("x-drop-me")).isNull();
        assertThat(got.header("proxy-authorization")).isNull();
    }

    @Test
    void responseHeadersComeBackWithIngatesOwn() {
        fx.openai.enqueue(dev.ingate.testkit.Behaviour.json(200, "{\"ok\":true}").withHeader("x-request-id", "req_up").withHeader("openai-processing-ms", "12"));
        HttpResponse<String> response = send(postJson(fx.url(), "/v1/chat/completions", CHAT).header("Authorization", "Bearer " + IngateUnderTest.KEY));
        assertThat(response.headers().firstValue("x-request-id")).contains("req_up");
        assertThat(response.headers().firstValue("openai-processing-ms")).contains("12");
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
        assertThat(response.headers().firstValue("X-Ingate-Request-Id")).isPresent();
    }

    @Test
    void redirectsAreRelayedNotFollowed() {
        fx.openai.enqueue(dev.ingate.testkit.Behaviour.raw(307, java.util.Map.of("location", fx.openai.baseUrl() + "/v1/elsewhere"), ""));
        HttpResponse<String> response = send(postJson(fx.url(), "/v1/chat/completions", CHAT).header("Authorization", "Bearer " + IngateUnderTest.KEY));
        assertThat(response.statusCode()).isEqualTo(307);
        assertThat(response.headers().firstValue("location")).contains(fx.openai.baseUrl() + "/v1/elsewhere");
        assertThat(fx.openai.requests()).hasSize(1);
    }

    @Test
    void contentEncodingIsPassedThroughUntouched() {
        fx.openai.enqueue(dev.ingate.testkit.Behaviour.raw(200, java.util.Map.of("content-encoding", "gzip", "content-type", "application/json"), "opaque-bytes"));
        HttpResponse<String> response = send(postJson(fx.url(), "/v1/chat/completions", CHAT)
                .header("Authorization", "Bearer " + IngateUnderTest.KEY).header("Accept-Encoding", "gzip, br"));
        assertThat(response.headers().firstValue("content-encoding")).contains("gzip");
        assertThat(response.body()).isEqualTo("opaque-bytes");
        assertThat(fx.openai.lastRequest().header("accept-encoding")).isEqualTo("gzip, br");
    }
}
