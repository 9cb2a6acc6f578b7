package dev.ingate.proxy;

import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.RawHttp;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** Large, chunked and over-limit request bodies: passed on byte for byte, or refused with 413. */
class BodiesTest extends ProxyTestBase {

    @Override
    protected ProxyFixture createFixture() throws Exception {
        return new ProxyFixture("""
                server:
                  max_request_body: 9MB
                """);
    }

    /** A valid chat request of about the given size, its content a long user message. */
    private static String bigChat(int bytes) {
        return "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "abcdefgh\\n".repeat(bytes / 10) + "\"}]}";
    }

    @Test
    void aLargeBodyArrivesIntact() {
        String body = bigChat(8 * 1024 * 1024);
        HttpResponse<String> response = send(postJson(fx.url(), "/v1/chat/completions", body).header("Authorization", "Bearer " + IngateUnderTest.KEY));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fx.openai.lastRequest().body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat(fx.openai.lastRequest().header("content-length")).isEqualTo(String.valueOf(body.length()));
    }

    @Test
    void aChunkedBodyIsReassembled() {
        String body = bigChat(300_000);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<byte[]> pieces = List.of(Arrays.copyOfRange(bytes, 0, 1000), Arrays.copyOfRange(bytes, 1000, 200_000), Arrays.copyOfRange(bytes, 200_000, bytes.length));
        Iterator<byte[]> it = pieces.iterator();
        HttpResponse<String> response = send(request(fx.url(), "/v1/chat/completions")
                .header("Authorization", "Bearer " + IngateUnderTest.KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArrays(() -> it))));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fx.openai.lastRequest().body()).isEqualTo(bytes);
        assertThat(fx.openai.lastRequest().header("transfer-encoding")).isNull();
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413WithoutReadingTheBody() throws Exception {
        String response = RawHttp.exchange(fx.ingate.port(), "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + IngateUnderTest.KEY + "\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\nExpect: 100-continue\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 413").doesNotContain("100 Continue").contains("\"code\":\"request_too_large\"");
        assertThat(fx.openai.requests()).isEmpty();
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(("POST /v1/messages HTTP/1.1\r\nHost: x\r\nx-api-key: " + IngateUnderTest.KEY
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = "x".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 10; i++) {
            raw.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            raw.writeBytes(chunk);
            raw.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        raw.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        String response;
        try {
            response = RawHttp.exchange(fx.ingate.port(), raw.toByteArray());
        } catch (java.net.SocketException resetWhileSending) {
            return; // the server may close before all 10 MB are written: that is a refusal too, but we want the status
        }
        assertThat(response).startsWith("HTTP/1.1 413");
        assertThat(response).contains("\"type\":\"request_too_large\"");
        assertThat(fx.anthropic.requests()).isEmpty();
    }

    @Test
    void anEmptyBodyOnAJsonEndpointIs400() {
        HttpResponse<String> response = send(postJson(fx.url(), "/v1/embeddings", "").header("Authorization", "Bearer " + IngateUnderTest.KEY));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/code").asString()).isEqualTo("invalid_json");
    }

    @Test
    void keepAliveSurvivesAnEarlyRejection() throws Exception {
        String two = "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
                + "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        String response = RawHttp.exchange(fx.ingate.port(), two);
        assertThat(response).startsWith("HTTP/1.1 401").contains("HTTP/1.1 200").contains("\"status\":\"ok\"");
    }
}
