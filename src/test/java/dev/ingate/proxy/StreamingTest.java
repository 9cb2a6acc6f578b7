package dev.ingate.proxy;

import dev.ingate.testkit.Behaviour;
import dev.ingate.testkit.IngateUnderTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SSE and NDJSON relayed event by event, never buffered; cuts, idle timeouts and disconnects. */
class StreamingTest extends ProxyTestBase {

    private static final String STREAM_CHAT = "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String BEARER = "Bearer " + IngateUnderTest.KEY;

    @Override
    protected ProxyFixture createFixture() throws Exception {
        return new ProxyFixture("""
                server:
                  stream_idle_timeout: 1500ms
                """);
    }

    /** Each line with the time it arrived, read as the bytes come. */
    private static List<Instant> lineArrivals(InputStream body, List<String> lines) throws IOException {
        List<Instant> arrivals = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isEmpty()) {
                    lines.add(line);
                    arrivals.add(Instant.now());
                }
            }
        }
        return arrivals;
    }

    @Test
    void sseEventsArriveAsTheUpstreamSendsThem() throws Exception {
        fx.openai.enqueue(Behaviour.streamEvery(Duration.ofMillis(250)));
        HttpResponse<InputStream> response = send(postJson(fx.url(), "/v1/chat/completions", STREAM_CHAT).header("Authorization", BEARER),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("content-type")).get().asString().startsWith("text/event-stream");
        List<String> lines = new ArrayList<>();
        List<Instant> arrivals = lineArrivals(response.body(), lines);
        assertThat(lines.getLast()).isEqualTo("data: [DONE]");
        assertThat(lines.size()).isGreaterThanOrEqualTo(4);
        // Spread over time like the upstream's events, not delivered in one burst at the end.
        Duration spread = Duration.between(arrivals.getFirst(), arrivals.getLast());
        assertThat(spread).isGreaterThanOrEqualTo(Duration.ofMillis(250L * (lines.size() - 2)));
        for (int i = 1; i < arrivals.size(); i++) {
            assertThat(Duration.between(arrivals.get(i - 1), arrivals.get(i))).isGreaterThan(Duration.ofMillis(150));
        }
    }

    @Test
    void anthropicStreamKeepsTheWholeEventGrammar() throws Exception {
        HttpResponse<String> response = send(postJson(fx.url(), "/v1/messages",
                "{\"model\":\"claude\",\"max_tokens\":9,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .header("x-api-key", IngateUnderTest.KEY));
        List<String> events = Stream.of(response.body().split("\n")).filter(l -> l.startsWith("event: ")).toList();
        assertThat(events).startsWith("event: message_start").endsWith("event: message_stop")
                .contains("event: content_block_start", "event: content_block_delta", "event: content_block_stop", "event: message_delta");
    }

    @Test
    void ollamaNdjsonArrivesLineByLine() throws Exception {
        fx.ollama.enqueue(Behaviour.streamEvery(Duration.ofMillis(200)));
        HttpResponse<InputStream> response = send(postJson(fx.url(), "/api/chat",
                "{\"model\":\"llama3\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").header("X-Ingate-Key", IngateUnderTest.KEY),
                HttpResponse.BodyHandlers.ofInputStream());
        List<String> lines = new ArrayList<>();
        List<Instant> arrivals = lineArrivals(response.body(), lines);
        assertThat(lines.getLast()).contains("\"done\":true");
        assertThat(Duration.between(arrivals.getFirst(), arrivals.getLast())).isGreaterThanOrEqualTo(Duration.ofMillis(200L * (lines.size() - 2)));
    }

    @Test
    void aStreamCutUpstreamIsCutForTheClientToo() {
        fx.openai.enqueue(Behaviour.cutStreamAfter(2));
        assertThatThrownBy(() -> send(postJson(fx.url(), "/v1/chat/completions", STREAM_CHAT).header("Authorization", BEARER),
                HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aSilentStreamIsCutAfterTheIdleTimeout() {
        fx.openai.enqueue(Behaviour.streamEvery(Duration.ofSeconds(5)));
        long start = System.nanoTime();
        assertThatThrownBy(() -> send(postJson(fx.url(), "/v1/chat/completions", STREAM_CHAT).header("Authorization", BEARER),
                HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        fx.openai.awaitAbort(Duration.ofSeconds(2));
    }

    @Test
    void aClientThatDisconnectsMidStreamCancelsTheUpstreamWithinASecond() throws Exception {
        fx.openai.enqueue(Behaviour.streamEvery(Duration.ofMillis(300)));
        try (Socket socket = new Socket("127.0.0.1", fx.ingate.port())) {
            OutputStream out = socket.getOutputStream();
            byte[] body = STREAM_CHAT.getBytes(StandardCharsets.UTF_8);
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: " + BEARER
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null && !line.startsWith("data:")) {
                // headers and chunk sizes until the first event
            }
            assertThat(line).startsWith("data:");
        }
        Instant closed = Instant.now();
        Instant abortSeen = fx.openai.awaitAbort(Duration.ofSeconds(1));
        assertThat(Duration.between(closed, abortSeen)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aClientThatDisconnectsBeforeTheAnswerCancelsTheUpstream() throws Exception {
        fx.openai.enqueue(Behaviour.hang());
        try (Socket socket = new Socket("127.0.0.1", fx.ingate.port())) {
            byte[] body = STREAM_CHAT.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: " + BEARER
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            fx.openai.awaitRequests(1, Duration.ofSeconds(2));
        }
        fx.openai.awaitAbort(Duration.ofSeconds(1));
    }
}
