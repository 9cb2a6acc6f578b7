package dev.ingate.observe.trace;

import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.ExchangeObserver;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** Spans leave in batches while Ingate runs, not only at shutdown; Ingate's own errors mark them ERROR. */
class ExchangeSpansTest {

    @Test
    void spansAreExportedWhileRunningAndARefusalIsTheCallersError() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (FakeCollector collector = new FakeCollector();
             OtlpTracing tracing = new OtlpTracing(new TraceTarget(collector.endpoint() + "/v1/traces", "t", Map.of(), 1.0),
                     Duration.ofMillis(50))) {
            ExchangeObserver observer = tracing.appendTo(ExchangeObserver.NONE);
            int port = vertx.createHttpServer().requestHandler(req -> {
                Exchange ex = new Exchange("req-1", System.nanoTime(), req, null, observer);
                ex.requestFacts("gpt-4o", false, "body-user");
                req.response().setStatusCode(401).end();
                ex.finish(401, "missing_api_key");
            }).listen(0, "127.0.0.1").await().actualPort();

            send(postJson("http://127.0.0.1:" + port, "/v1/chat/completions", "{}"));

            List<FakeCollector.Received> spans = awaitSpans(collector, Duration.ofSeconds(5));
            assertThat(spans).singleElement().satisfies(r -> {
                assertThat(r.span().getName()).isEqualTo("chat gpt-4o");
                // a 4xx leaves a SERVER span's status unset (HTTP conventions); error.type still tells what it was
                assertThat(r.span().getStatus().getCode()).isEqualTo(StatusCode.STATUS_CODE_UNSET);
                assertThat(r.attributes()).containsEntry("error.type", "401")
                        .containsEntry("ingate.request_id", "req-1")
                        .containsEntry("ingate.attempts", "0")
                        .containsEntry("ingate.user", "body-user")
                        .doesNotContainKey("gen_ai.provider.name")
                        .doesNotContainKey("gen_ai.usage.input_tokens");
            });
        } finally {
            vertx.close().await();
        }
    }

    private static List<FakeCollector.Received> awaitSpans(FakeCollector collector, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (collector.spans().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return collector.spans();
    }
}
