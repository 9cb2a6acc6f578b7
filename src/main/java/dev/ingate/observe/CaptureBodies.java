package dev.ingate.observe;

import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.Handler;
import dev.ingate.pipeline.Interceptor;
import io.vertx.core.http.HttpHeaders;

/**
 * Starts the body capture of {@code recording.capture_bodies}: placed right after the body is read, before any
 * interceptor may rewrite it, so the request is kept as the client sent it. The upstream call feeds the answer into
 * the same {@link BodyCapture}, and the recorder stores both. Not in the pipeline at all when capture is off.
 */
public final class CaptureBodies implements Interceptor {

    private final long maxBytes;
    private final java.util.function.UnaryOperator<String> redactor;

    public CaptureBodies(long maxBytes) {
        this(maxBytes, java.util.function.UnaryOperator.identity());
    }

    /** @param redactor what each text body becomes before it is stored (PII redaction by the guardrails) */
    public CaptureBodies(long maxBytes, java.util.function.UnaryOperator<String> redactor) {
        this.maxBytes = maxBytes;
        this.redactor = redactor;
    }

    @Override
    public void intercept(Exchange ex, Handler next) {
        ex.attribute(Attributes.BODIES, new BodyCapture(ex.body(), ex.request().getHeader(HttpHeaders.CONTENT_ENCODING), maxBytes, redactor));
        next.handle(ex);
    }
}
