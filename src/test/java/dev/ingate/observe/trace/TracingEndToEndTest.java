package dev.ingate.observe.trace;

import dev.ingate.observe.trace.FakeCollector.Received;
import dev.ingate.testkit.Behaviour;
import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spans travel over real OTLP/HTTP to a fake collector, one per proxied request, named and described
 * after the GenAI conventions. Closing Ingate flushes them, so no test waits out the export delay.
 */
class TracingEndToEndTest {

    private static final String TRACE_ID = "0af7651916cd76f8ad0f0c1c1e4b2a1f";
    private static final String PARENT_SPAN_ID = "b7ad6b7169203331";
    private static final String BEARER = "Bearer " + IngateUnderTest.KEY;

    @Test
    void everyRequestBecomesAGenAiSpan() {
        try (FakeCollector collector = new FakeCollector(); MockProvider openai = MockProvider.openai()) {
            IngateUnderTest ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                    providers:
                      openai: { base_url: "%s" }
                    telemetry:
                      otlp_endpoint: "%s"
                      service_name: gateway-under-test
                      headers: { X-Collector-Key: secret }
                    """.formatted(openai.baseUrl(), collector.endpoint())));
            HttpResponse<String> plain;
            long wallBefore = System.currentTimeMillis();
            try {
                plain = send(postJson(ingate.baseUrl(), "/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":[]}")
                        .header("Authorization", BEARER).header("X-Ingate-Session-Id", "s-1").header("X-Ingate-User", "alice"));
                assertThat(plain.statusCode()).isEqualTo(200);
                HttpResponse<String> streamed = send(postJson(ingate.baseUrl(), "/v1/chat/completions",
                        "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[]}")
                        .header("Authorization", BEARER).header("traceparent", "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01")
                        .header("tracestate", "vendor=x"));
                assertThat(streamed.body()).contains("data: [DONE]");
                assertThat(send(postJson(ingate.baseUrl(), "/v1/embeddings", "{\"model\":\"text-embedding-3-small\",\"input\":\"hi\"}")
                        .header("Authorization", BEARER)).statusCode()).isEqualTo(200);
                openai.enqueue(Behaviour.error(500, "upstream exploded"));
                assertThat(send(postJson(ingate.baseUrl(), "/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":[]}")
                        .header("Authorization", BEARER)).statusCode()).isEqualTo(500);
            } finally {
                ingate.close();
            }

            List<Received> spans = collector.spans();
            assertThat(spans).extracting(r -> r.span().getName())
                    .containsExactlyInAnyOrder("chat gpt-4o", "chat gpt-4o-mini", "embeddings text-embedding-3-small", "chat gpt-4o");
            List<Received> chats = FakeCollector.named(spans, "chat gpt-4o");
            Received ok = chats.stream().filter(r -> "200".equals(r.attribute("http.response.status_code"))).findFirst().orElseThrow();
            assertThat(ok.span().getKind()).isEqualTo(SpanKind.SPAN_KIND_SERVER);
            assertThat(ok.span().getStatus().getCode()).isEqualTo(StatusCode.STATUS_CODE_UNSET);
            assertThat(ok.span().getParentSpanId().isEmpty()).isTrue();
            assertThat(ok.attributes()).containsEntry("gen_ai.operation.name", "chat")
                    .containsEntry("gen_ai.provider.name", "openai")
                    .containsEntry("gen_ai.system", "openai")
                    .containsEntry("ingate.provider", "openai")
                    .containsEntry("gen_ai.request.model", "gpt-4o")
                    .containsEntry("gen_ai.response.model", "gpt-4o")
                    .containsEntry("gen_ai.usage.input_tokens", "8")
                    .containsEntry("gen_ai.usage.output_tokens", "377")
                    .containsEntry("http.request.method", "POST")
                    .containsEntry("url.path", "/v1/chat/completions")
                    .containsEntry("ingate.request_id", plain.headers().firstValue("X-Ingate-Request-Id").orElseThrow())
                    .containsEntry("ingate.attempts", "1")
                    .containsEntry("ingate.key_name", "test")
                    .containsEntry("ingate.session_id", "s-1")
                    .containsEntry("ingate.user", "alice")
                    .containsKey("ingate.overhead_ms")
                    .doesNotContainKey("ingate.ttft_ms");
            assertThat(ok.resource()).containsEntry("service.name", "gateway-under-test");
            assertThat(ok.headers()).containsEntry("x-collector-key", "secret");
            long startMillis = TimeUnit.NANOSECONDS.toMillis(ok.span().getStartTimeUnixNano());
            assertThat(startMillis).isBetween(wallBefore - 1_000, System.currentTimeMillis());
            assertThat(ok.span().getEndTimeUnixNano()).isGreaterThan(ok.span().getStartTimeUnixNano());

            Received joined = FakeCollector.named(spans, "chat gpt-4o-mini").getFirst();
            assertThat(joined.traceIdHex()).isEqualTo(TRACE_ID);
            assertThat(joined.parentSpanIdHex()).isEqualTo(PARENT_SPAN_ID);
            assertThat(joined.span().getTraceState()).isEqualTo("vendor=x");
            assertThat(joined.attributes()).containsEntry("gen_ai.usage.output_tokens", "377").containsKey("ingate.ttft_ms");

            assertThat(FakeCollector.named(spans, "embeddings text-embedding-3-small").getFirst().attributes())
                    .containsEntry("gen_ai.operation.name", "embeddings");

            Received failed = chats.stream().filter(r -> "500".equals(r.attribute("http.response.status_code"))).findFirst().orElseThrow();
            assertThat(failed.span().getStatus().getCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
            assertThat(failed.attributes()).containsEntry("error.type", "500");
            assertThat(failed.traceIdHex()).isNotEqualTo(ok.traceIdHex());
        }
    }

    @Test
    void theStandardEnvironmentVariablesTurnTracingOn() {
        try (FakeCollector collector = new FakeCollector(); MockProvider openai = MockProvider.openai()) {
            IngateUnderTest ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                    providers:
                      openai: { base_url: "%s" }
                    """.formatted(openai.baseUrl())),
                    Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint() + "/", "OTEL_SERVICE_NAME", "from-env"), null);
            try {
                send(postJson(ingate.baseUrl(), "/v1/chat/completions", "{\"model\":\"gpt-env\",\"messages\":[]}").header("Authorization", BEARER));
            } finally {
                ingate.close();
            }
            assertThat(collector.spans()).singleElement().satisfies(r -> {
                assertThat(r.span().getName()).isEqualTo("chat gpt-env");
                assertThat(r.resource()).containsEntry("service.name", "from-env");
            });
        }
    }

    @Test
    void aZeroSampleRatioStillFollowsACallerThatSamples() {
        try (FakeCollector collector = new FakeCollector(); MockProvider openai = MockProvider.openai()) {
            IngateUnderTest ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                    providers:
                      openai: { base_url: "%s" }
                    telemetry: { otlp_endpoint: "%s", sample_ratio: 0 }
                    """.formatted(openai.baseUrl(), collector.endpoint())));
            try {
                send(postJson(ingate.baseUrl(), "/v1/chat/completions", "{\"model\":\"unsampled\",\"messages\":[]}").header("Authorization", BEARER));
                send(postJson(ingate.baseUrl(), "/v1/chat/completions", "{\"model\":\"sampled\",\"messages\":[]}").header("Authorization", BEARER)
                        .header("traceparent", "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01"));
            } finally {
                ingate.close();
            }
            assertThat(collector.spans()).extracting(r -> r.span().getName()).containsExactly("chat sampled");
        }
    }
}
