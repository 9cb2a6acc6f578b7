package dev.ingate.e2e;

import dev.ingate.testkit.CannedUsage;
import dev.ingate.testkit.HttpCalls;
import dev.ingate.testkit.IngateUnderTest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One proxied request as an SDK would send it (OpenAI chat or Anthropic messages), with the attribution a test
 * wants on it; {@link #send} answers a {@link Sent} from which the test states the record it expects.
 */
final class Call {

    private final boolean anthropic;
    private final ObjectNode body = JsonMapper.shared().createObjectNode();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String keyName;
    private String session;
    private String headerUser;
    private String bodyUser;
    private String explicitProvider;

    private Call(boolean anthropic, String model) {
        this.anthropic = anthropic;
        body.put("model", model);
        if (anthropic) {
            body.put("max_tokens", 64);
        }
        body.putArray("messages").addObject().put("role", "user").put("content", "hi");
    }

    static Call openAiChat(String model) {
        return new Call(false, model);
    }

    static Call anthropicMessage(String model) {
        return new Call(true, model);
    }

    Call streamed() {
        body.put("stream", true);
        return this;
    }

    /** OpenAI only: the client asks for the final usage chunk itself (Ingate injects the request otherwise). */
    Call streamedWithUsage() {
        streamed();
        body.putObject("stream_options").put("include_usage", true);
        return this;
    }

    /** Authenticates with the gateway key the way each SDK sends its API key. */
    Call key(String name, String secret) {
        keyName = name;
        headers.put(anthropic ? "x-api-key" : "Authorization", anthropic ? secret : "Bearer " + secret);
        return this;
    }

    Call session(String id) {
        session = id;
        headers.put("X-Ingate-Session-Id", id);
        return this;
    }

    Call headerUser(String user) {
        headerUser = user;
        headers.put("X-Ingate-User", user);
        return this;
    }

    /** The end user as the API itself carries it: OpenAI's {@code user}, Anthropic's {@code metadata.user_id}. */
    Call bodyUser(String user) {
        bodyUser = user;
        if (anthropic) {
            body.putObject("metadata").put("user_id", user);
        } else {
            body.put("user", user);
        }
        return this;
    }

    Call provider(String name) {
        explicitProvider = name;
        headers.put("X-Ingate-Provider", name);
        return this;
    }

    String path() {
        return anthropic ? "/v1/messages" : "/v1/chat/completions";
    }

    byte[] bodyBytes() {
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    Map<String, String> headers() {
        return headers;
    }

    Sent send(IngateUnderTest ingate) {
        HttpRequest.Builder request = HttpCalls.postJson(ingate.baseUrl(), path(), body.toString());
        headers.forEach(request::header);
        return new Sent(HttpCalls.send(request));
    }

    /** The record this call should leave: the header's user wins over the body's, as Ingate documents. */
    Expected expect(String id, int status, CannedUsage.Tokens tokens, boolean priced, boolean firstEventSeen) {
        String provider = explicitProvider != null ? explicitProvider : anthropic ? "anthropic" : "openai";
        return new Expected(id, keyName, provider, body.get("model").asString(), path(), status, session,
                headerUser != null ? headerUser : bodyUser, tokens, priced, firstEventSeen);
    }

    boolean isStreamed() {
        return body.path("stream").asBoolean(false);
    }

    /** A call that got its answer. */
    final class Sent {

        private final HttpResponse<String> response;

        private Sent(HttpResponse<String> response) {
            this.response = response;
        }

        String id() {
            return response.headers().firstValue("X-Ingate-Request-Id").orElseThrow();
        }

        /** Asserts the status the client got and states the record due for it. */
        Expected expect(int status, CannedUsage.Tokens tokens, boolean priced) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
            return Call.this.expect(id(), status, tokens, priced, status == 200 && isStreamed());
        }

        /** Asserts a refusal by Ingate itself, before any provider: no provider, no model, no usage. */
        Expected expectRefused(int status) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
            return new Expected(id(), keyName, null, null, path(), status, session, headerUser, null, false, false);
        }
    }
}
