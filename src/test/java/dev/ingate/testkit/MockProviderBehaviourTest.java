package dev.ingate.testkit;

import static dev.ingate.testkit.TestHttp.HTTP;
import static dev.ingate.testkit.TestHttp.json;
import static dev.ingate.testkit.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scripted behaviours: errors, delays, paced streams, hangs, cuts, TLS. */
class MockProviderBehaviourTest {

    static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    static final String CHAT_STREAM = "{\"model\":\"m\",\"stream\":true,\"messages\":[]}";

    final MockProvider openai = MockProvider.openai();

    @AfterEach
    void close() {
        openai.close();
    }

    static HttpRequest chatRequest(MockProvider mock, String body) {
        return HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/v1/chat/completions"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @Test
    void queueIsFifoThenStickyThenDefault() throws Exception {
        openai.enqueue(Behaviour.status(503, "{\"x\":1}").withHeader("retry-after", "7"))
                .enqueue(Behaviour.json(418, "{\"teapot\":true}"))
                .enqueue(Behaviour.raw(200, Map.of("content-type", "text/plain", "x-raw", "yes"), "plain"));
        var first = post(openai, "/v1/chat/completions", CHAT);
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.body()).isEqualTo("{\"x\":1}");
        assertThat(first.headers().firstValue("retry-after")).hasValue("7");
        assertThat(first.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(post(openai, "/v1/chat/completions", CHAT).statusCode()).isEqualTo(418);
        var raw = post(openai, "/v1/chat/completions", CHAT);
        assertThat(raw.body()).isEqualTo("plain");
        assertThat(raw.headers().firstValue("x-raw")).hasValue("yes");
        assertThat(post(openai, "/v1/chat/completions", CHAT).statusCode()).isEqualTo(200);

        openai.always(Behaviour.error(500, "boom"));
        var failing = post(openai, "/v1/chat/completions", CHAT);
        assertThat(failing.statusCode()).isEqualTo(500);
        assertThat(json(failing.body()).at("/error/message").asString()).isEqualTo("boom");
        assertThat(post(openai, "/v1/chat/completions", CHAT).statusCode()).isEqualTo(500);
        assertThat(openai.requests()).hasSize(6);
        openai.reset();
        assertThat(openai.requests()).isEmpty();
        assertThat(post(openai, "/v1/chat/completions", CHAT).statusCode()).isEqualTo(200);
    }

    @Test
    void rateLimitedUsesEachProvidersEnvelope() throws Exception {
        openai.enqueue(Behaviour.rateLimited());
        var o = post(openai, "/v1/chat/completions", CHAT);
        assertThat(o.statusCode()).isEqualTo(429);
        assertThat(o.headers().firstValue("retry-after")).isPresent();
        assertThat(json(o.body()).at("/error/code").asString()).isEqualTo("rate_limit_exceeded");
        try (MockProvider anthropic = MockProvider.anthropic(); MockProvider ollama = MockProvider.ollama()) {
            var a = post(anthropic.enqueue(Behaviour.rateLimited()), "/v1/messages", CHAT);
            assertThat(a.statusCode()).isEqualTo(429);
            assertThat(json(a.body()).at("/error/type").asString()).isEqualTo("rate_limit_error");
            assertThat(a.headers().firstValue("retry-after")).isPresent();
            var l = post(ollama.enqueue(Behaviour.rateLimited()), "/api/chat", CHAT);
            assertThat(l.statusCode()).isEqualTo(429);
            assertThat(json(l.body()).get("error").isString()).isTrue();
        }
    }

    @Test
    void delayHoldsTheAnswer() throws Exception {
        openai.enqueue(Behaviour.delay(Duration.ofMillis(300)));
        long t0 = System.nanoTime();
        var res = post(openai, "/v1/chat/completions", CHAT);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void streamEverySpacesTheEvents() throws Exception {
        Duration gap = Duration.ofMillis(60);
        openai.enqueue(Behaviour.streamEvery(gap));
        long t0 = System.nanoTime();
        var res = HTTP.send(chatRequest(openai, CHAT_STREAM), HttpResponse.BodyHandlers.ofInputStream());
        long headersAt = System.nanoTime();
        List<Long> arrivals = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("data: ")) arrivals.add(System.nanoTime());
            }
        }
        assertThat(arrivals.size()).isGreaterThan(3);
        long spreadMs = TimeUnit.NANOSECONDS.toMillis(arrivals.getLast() - arrivals.getFirst());
        assertThat(spreadMs).isGreaterThanOrEqualTo(2 * gap.toMillis());
        assertThat(headersAt - t0).isLessThan(arrivals.getLast() - t0);
    }

    @Test
    void sseSendsExactEvents() throws Exception {
        openai.enqueue(Behaviour.sse(List.of("data: {\"a\":1}\n\n", "data: [DONE]\n\n"), Duration.ofMillis(10)));
        var res = post(openai, "/v1/chat/completions", CHAT_STREAM);
        assertThat(res.body()).isEqualTo("data: {\"a\":1}\n\ndata: [DONE]\n\n");
        assertThat(res.headers().firstValue("content-type").orElseThrow()).startsWith("text/event-stream");
    }

    @Test
    void hangThenClientCancelIsSeenAsAbort() throws Exception {
        openai.enqueue(Behaviour.hang());
        var future = HTTP.sendAsync(chatRequest(openai, CHAT), HttpResponse.BodyHandlers.ofString());
        assertThat(openai.awaitRequests(1, Duration.ofSeconds(5)).bodyText()).isEqualTo(CHAT);
        assertThat(openai.aborts()).isEmpty();
        future.cancel(true);
        long t0 = System.nanoTime();
        assertThat(openai.awaitAbort(Duration.ofSeconds(1))).isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
        assertThat(openai.aborts()).hasSize(1);
    }

    @Test
    void closeIsPromptEvenWhileARequestHangs() {
        MockProvider mock = MockProvider.ollama().always(Behaviour.hang());
        var future = HTTP.sendAsync(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/api/chat"))
                .POST(HttpRequest.BodyPublishers.ofString(CHAT)).build(), HttpResponse.BodyHandlers.ofString());
        mock.awaitRequests(1, Duration.ofSeconds(5));
        long t0 = System.nanoTime();
        mock.close();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class);
        assertThat(mock.aborts()).isEmpty();
    }

    @Test
    void clientGoingAwayMidStreamIsAnAbort() throws Exception {
        openai.enqueue(Behaviour.streamEvery(Duration.ofMillis(200)));
        var res = HTTP.send(chatRequest(openai, CHAT_STREAM), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = res.body()) {
            assertThat(in.read(new byte[64])).isPositive();
        }
        openai.awaitAbort(Duration.ofSeconds(1));
    }

    @Test
    void cutStreamAfterTruncatesTheStream() throws Exception {
        openai.enqueue(Behaviour.cutStreamAfter(3));
        var res = HTTP.send(chatRequest(openai, CHAT_STREAM), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(res.statusCode()).isEqualTo(200);
        StringBuilder got = new StringBuilder();
        assertThatThrownBy(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) got.append(line).append('\n');
            }
        }).isInstanceOf(IOException.class);
        // The JDK client may drop what it had buffered when the connection dies: at most 3 events.
        assertThat(got.toString().split("\n\n")).hasSizeLessThanOrEqualTo(3);
        assertThat(got.toString()).doesNotContain("[DONE]");
        assertThat(openai.aborts()).isEmpty();

        openai.enqueue(Behaviour.cutStreamAfter(1));
        assertThatThrownBy(() -> post(openai, "/v1/chat/completions", CHAT)).isInstanceOf(IOException.class);
        openai.enqueue(Behaviour.drop());
        assertThatThrownBy(() -> post(openai, "/v1/chat/completions", CHAT)).isInstanceOf(IOException.class);
        assertThat(openai.requests()).hasSize(3);
    }

    @Test
    void awaitingFailsWithAssertionErrors() {
        assertThatThrownBy(() -> openai.awaitRequests(1, Duration.ofMillis(50))).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> openai.awaitAbort(Duration.ofMillis(50))).isInstanceOf(AssertionError.class);
        assertThatThrownBy(openai::lastRequest).isInstanceOf(AssertionError.class);
    }

    @Test
    void tlsModeServesACertificateTheClientCanTrust() throws Exception {
        try (MockProvider secure = MockProvider.anthropic().tls()) {
            assertThat(secure.baseUrl()).startsWith("https://localhost:");
            HttpClient client = HttpClient.newBuilder()
                    .sslContext(SelfSignedCert.clientContext(secure.caCertificatePem())).build();
            var res = client.send(HttpRequest.newBuilder(URI.create(secure.baseUrl() + "/v1/messages"))
                    .POST(HttpRequest.BodyPublishers.ofString(CHAT)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(json(res.body()).get("type").asString()).isEqualTo("message");
            assertThat(secure.lastRequest().path()).isEqualTo("/v1/messages");
            assertThatThrownBy(() -> HTTP.send(HttpRequest.newBuilder(URI.create(secure.baseUrl() + "/v1/messages"))
                    .POST(HttpRequest.BodyPublishers.ofString(CHAT)).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
        }
    }
}
