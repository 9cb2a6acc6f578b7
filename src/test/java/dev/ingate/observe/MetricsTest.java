package dev.ingate.observe;

import dev.ingate.testkit.Behaviour;
import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /metrics counts a known mix of outcomes by provider, model and status, in Prometheus text. */
class MetricsTest {

    private static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private static String metrics(IngateUnderTest ingate) {
        HttpResponse<String> response = send(request(ingate.baseUrl(), "/metrics"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).get().asString().startsWith("text/plain");
        return response.body();
    }

    private static HttpResponse<String> chat(IngateUnderTest ingate) {
        return send(postJson(ingate.baseUrl(), "/v1/chat/completions", CHAT).header("Authorization", "Bearer " + IngateUnderTest.KEY));
    }

    @Test
    void aKnownMixOfOutcomesIsCounted() throws Exception {
        try (MockProvider mock = MockProvider.openai();
             IngateUnderTest ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                     server: { upstream_timeout: 300ms }
                     providers:
                       openai: { base_url: "%s" }
                     """.formatted(mock.baseUrl())))) {
            chat(ingate);
            chat(ingate);
            send(postJson(ingate.baseUrl(), "/v1/chat/completions", CHAT));                 // 401
            mock.enqueue(Behaviour.rateLimited());
            assertThat(chat(ingate).statusCode()).isEqualTo(429);
            mock.enqueue(Behaviour.hang());
            assertThat(chat(ingate).statusCode()).isEqualTo(504);
            mock.enqueue(Behaviour.streamEvery(Duration.ofMillis(200)));
            try (Socket socket = new Socket("127.0.0.1", ingate.port())) {
                byte[] body = CHAT.replace("}]}", "}],\"stream\":true}").getBytes(StandardCharsets.UTF_8);
                socket.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + IngateUnderTest.KEY
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().write(body);
                InputStream in = socket.getInputStream();
                assertThat(in.read(new byte[256])).isPositive();
            }
            mock.awaitAbort(Duration.ofSeconds(2));

            // the mock's abort may be the timed-out request's: the departed client's exchange can finish a moment later
            String text = dev.ingate.testkit.Poll.until("the departed client counted", Duration.ofSeconds(5), () -> metrics(ingate),
                    t -> t.contains("ingate_requests_total{model=\"gpt-4o\",provider=\"openai\",status=\"499\"} 1.0"));
            assertThat(text).contains("ingate_requests_total{model=\"gpt-4o\",provider=\"openai\",status=\"200\"} 2.0");
            assertThat(text).contains("ingate_requests_total{model=\"unknown\",provider=\"none\",status=\"401\"} 1.0");
            assertThat(text).contains("ingate_requests_total{model=\"gpt-4o\",provider=\"openai\",status=\"429\"} 1.0");
            assertThat(text).contains("ingate_requests_total{model=\"gpt-4o\",provider=\"openai\",status=\"504\"} 1.0");
            assertThat(text).contains("ingate_requests_total{model=\"gpt-4o\",provider=\"openai\",status=\"499\"} 1.0");
            assertThat(text).contains("ingate_upstream_errors_total{provider=\"openai\"} 1.0");
            assertThat(text).contains("ingate_request_duration_seconds_count{provider=\"openai\"} 5");
            assertThat(text).contains("ingate_overhead_seconds_bucket").contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void aMetricsTokenClosesTheEndpoint() {
        try (IngateUnderTest ingate = IngateUnderTest.start(IngateUnderTest.withKey("metrics: { token: scrape-me }\n"))) {
            assertThat(send(request(ingate.baseUrl(), "/metrics")).statusCode()).isEqualTo(401);
            HttpResponse<String> ok = send(request(ingate.baseUrl(), "/metrics").header("Authorization", "Bearer scrape-me"));
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("jvm_");
        }
    }
}
