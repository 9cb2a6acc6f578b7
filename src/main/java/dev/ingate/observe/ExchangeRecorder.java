package dev.ingate.observe;

import dev.ingate.keys.GatewayKey;
import dev.ingate.observe.pricing.Usage;
import dev.ingate.observe.record.RecordWriter;
import dev.ingate.observe.record.RequestBodies;
import dev.ingate.observe.record.RequestRecord;
import dev.ingate.observe.usage.UsageFacts;
import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.ExchangeObserver;
import dev.ingate.provider.Provider;
import io.vertx.core.http.HttpHeaders;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Turns every finished exchange into a {@link RequestRecord} (with its cost from the price catalog, and its bodies
 * when they were captured) and hands it to the writer, which never blocks: the request path does not wait on the database.
 */
public final class ExchangeRecorder implements ExchangeObserver {

    public static final String SESSION_HEADER = "X-Ingate-Session-Id";
    public static final String USER_HEADER = "X-Ingate-User";
    /** The names prepared once: a lookup by a String name hashes it anew, and every request looks up both. */
    private static final CharSequence SESSION_NAME = HttpHeaders.createOptimized(SESSION_HEADER);
    private static final CharSequence USER_NAME = HttpHeaders.createOptimized(USER_HEADER);

    private final RecordWriter writer;
    private final ExchangeCost cost;

    public ExchangeRecorder(RecordWriter writer, ExchangeCost cost) {
        this.writer = writer;
        this.cost = cost;
    }

    @Override
    public void finished(Exchange ex) {
        writer.submit(record(ex));
    }

    RequestRecord record(Exchange ex) {
        GatewayKey key = ex.key();
        Provider provider = ex.provider();
        UsageFacts usage = ex.attribute(Attributes.USAGE) == null ? UsageFacts.NONE : ex.attribute(Attributes.USAGE);
        long start = ex.startNanos();
        long createdAtMillis = System.currentTimeMillis() - (System.nanoTime() - start) / 1_000_000L;
        long overhead = ex.reportedOverheadNanos();
        return new RequestRecord(
                ex.id(),
                Instant.ofEpochMilli(createdAtMillis),
                key == null ? null : key.id(),
                key == null ? null : key.name(),
                provider == null ? null : provider.name(),
                provider == null || ex.attempts() == 0 ? null : provider.name(),
                ex.model(),
                usage.model(),
                ex.request().path(),
                ex.status(),
                ex.attempts(),
                (ex.finishedNanos() - start) / 1_000_000L,
                ex.firstTokenNanos() > 0 ? (ex.firstTokenNanos() - start) / 1_000_000L : null,
                overhead / 10_000L / 100.0,
                usage.found() ? usage.inputTokens() : null,
                usage.found() ? usage.outputTokens() : null,
                usage.found() ? usage.cachedInputTokens() : null,
                cost.of(ex),
                sessionId(ex),
                user(ex),
                ex.attribute(Attributes.CACHE),
                ex.error(),
                ex.attribute(Attributes.SAVED_USD),
                capturedBodies(ex));
    }

    /** The session the caller named in {@value #SESSION_HEADER}, or null. */
    public static String sessionId(Exchange ex) {
        return ex.request().getHeader(SESSION_NAME);
    }

    /** The end user: {@value #USER_HEADER}, else the body's OpenAI {@code user} or Anthropic {@code metadata.user_id}. */
    public static String user(Exchange ex) {
        String header = ex.request().getHeader(USER_NAME);
        return header != null ? header : ex.bodyUser();
    }

    /** Null, as cheaply as possible, unless body capture is on. */
    private static RequestBodies capturedBodies(Exchange ex) {
        BodyCapture capture = ex.attribute(Attributes.BODIES);
        return capture == null ? null : capture.bodies();
    }
}
