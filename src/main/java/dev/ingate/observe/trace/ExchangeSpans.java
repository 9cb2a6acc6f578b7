package dev.ingate.observe.trace;

import dev.ingate.keys.GatewayKey;
import dev.ingate.observe.Attributes;
import dev.ingate.observe.ExchangeRecorder;
import dev.ingate.observe.usage.UsageFacts;
import dev.ingate.pipeline.Exchange;
import dev.ingate.provider.ApiShape;
import dev.ingate.pipeline.ExchangeObserver;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.common.Clock;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

import java.util.concurrent.TimeUnit;

/**
 * One SERVER span per finished exchange, named and described after the GenAI semantic conventions. The
 * span is made whole when the exchange is over, with the exchange's own start and end times, so the
 * request path does no tracing work at all while it runs.
 */
final class ExchangeSpans implements ExchangeObserver {

    private static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Clock clock = Clock.getDefault();

    ExchangeSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public void finished(Exchange ex) {
        HttpServerRequest request = ex.request();
        String method = request.method().name();
        String operation = GenAiOperation.of(method, request.path());
        // one offset for both ends, so the span's length is exactly the exchange's
        long toEpochNanos = clock.now() - System.nanoTime();
        SpanBuilder builder = tracer.spanBuilder(spanName(operation, ex.model(), method))
                .setSpanKind(SpanKind.SERVER)
                .setStartTimestamp(ex.startNanos() + toEpochNanos, TimeUnit.NANOSECONDS);
        if (request.getHeader(TRACEPARENT) == null) {
            builder.setNoParent();
        } else {
            builder.setParent(W3CTraceContextPropagator.getInstance().extract(Context.root(), request.headers(), HeaderGetter.INSTANCE));
        }
        Span span = builder.startSpan();
        if (span.isRecording()) {
            describe(span, ex, operation);
        }
        span.end(ex.finishedNanos() + toEpochNanos, TimeUnit.NANOSECONDS);
    }

    /** {@code "{operation} {model}"}; just the HTTP method for calls the GenAI conventions do not cover. */
    static String spanName(String operation, String model, String method) {
        if (operation == null) {
            return method;
        }
        return model == null ? operation : operation + " " + model;
    }

    private static void describe(Span span, Exchange ex, String operation) {
        HttpServerRequest request = ex.request();
        if (operation != null) {
            span.setAttribute(SpanKeys.OPERATION_NAME, operation);
        }
        if (ex.provider() != null) {
            String system = conventionName(ex.provider().shape());
            span.setAttribute(SpanKeys.PROVIDER_NAME, system);
            span.setAttribute(SpanKeys.SYSTEM, system);
            span.setAttribute(SpanKeys.INGATE_PROVIDER, ex.provider().name());
        }
        setIfPresent(span, SpanKeys.REQUEST_MODEL, ex.model());
        describeUsage(span, ex.attribute(Attributes.USAGE));

        span.setAttribute(SpanKeys.HTTP_METHOD, request.method().name());
        span.setAttribute(SpanKeys.URL_PATH, request.path());
        span.setAttribute(SpanKeys.HTTP_STATUS, ex.status());

        span.setAttribute(SpanKeys.REQUEST_ID, ex.id());
        span.setAttribute(SpanKeys.ATTEMPTS, ex.attempts());
        if (ex.firstTokenNanos() > 0) {
            span.setAttribute(SpanKeys.TTFT_MS, (ex.firstTokenNanos() - ex.startNanos()) / 1_000_000L);
        }
        long overhead = ex.reportedOverheadNanos();
        span.setAttribute(SpanKeys.OVERHEAD_MS, overhead / 10_000L / 100.0);
        GatewayKey key = ex.key();
        if (key != null) {
            span.setAttribute(SpanKeys.KEY_NAME, key.name());
        }
        setIfPresent(span, SpanKeys.SESSION_ID, ExchangeRecorder.sessionId(ex));
        setIfPresent(span, SpanKeys.USER, ExchangeRecorder.user(ex));

        // the HTTP conventions leave a SERVER span's status unset for 4xx: a refused key or a client gone is the
        // caller's error, not the gateway's; error.type still names it
        if (ex.status() >= 500 || (ex.error() != null && ex.status() < 400)) {
            span.setStatus(StatusCode.ERROR, ex.error() != null ? ex.error() : "HTTP " + ex.status());
        }
        if (ex.error() != null || ex.status() >= 500) {
            span.setAttribute(SpanKeys.ERROR_TYPE, ex.status() >= 400 ? Integer.toString(ex.status()) : "_OTHER");
        }
    }

    private static void describeUsage(Span span, UsageFacts usage) {
        if (usage == null) {
            return;
        }
        setIfPresent(span, SpanKeys.RESPONSE_MODEL, usage.model());
        setIfPresent(span, SpanKeys.RESPONSE_ID, usage.responseId());
        if (!usage.found()) {
            return; // zeros would read as "free", not as "unknown"
        }
        span.setAttribute(SpanKeys.INPUT_TOKENS, usage.inputTokens());
        span.setAttribute(SpanKeys.OUTPUT_TOKENS, usage.outputTokens());
        if (usage.cachedInputTokens() > 0) {
            span.setAttribute(SpanKeys.CACHE_READ_INPUT_TOKENS, usage.cachedInputTokens());
        }
        if (usage.cacheCreationTokens() > 0) {
            span.setAttribute(SpanKeys.CACHE_CREATION_INPUT_TOKENS, usage.cacheCreationTokens());
        }
    }

    private static void setIfPresent(Span span, io.opentelemetry.api.common.AttributeKey<String> key, String value) {
        if (value != null) {
            span.setAttribute(key, value);
        }
    }

    /** Reads W3C trace context straight from Vert.x's case-insensitive request headers. */
    private enum HeaderGetter implements TextMapGetter<MultiMap> {
        INSTANCE;

        @Override
        public Iterable<String> keys(MultiMap carrier) {
            return carrier.names();
        }

        @Override
        public String get(MultiMap carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    }

    /**
     * The GenAI conventions' well-known provider names go by API, not by what a deployment calls its provider: an
     * {@code azure-gpt4} provider speaking the OpenAI API reports {@code openai}; its own name is {@code ingate.provider}.
     */
    static String conventionName(ApiShape shape) {
        return switch (shape) {
            case OPENAI -> "openai";
            case ANTHROPIC -> "anthropic";
            case GEMINI -> "gcp.gemini";
            case BEDROCK -> "aws.bedrock";
            case OLLAMA -> "ollama";
        };
    }
}
