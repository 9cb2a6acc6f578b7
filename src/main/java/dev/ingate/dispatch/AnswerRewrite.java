package dev.ingate.dispatch;

import dev.ingate.pipeline.AttributeKey;
import dev.ingate.stream.Rewriter;
import io.vertx.core.http.HttpServerResponse;

/**
 * A concern that wants to change an answer before the client sees it (the model list gets Ingate's own models added,
 * output guardrails redact) attaches one of these to the exchange; the upstream call asks it once the answer's head
 * is known. Its rewriter runs after the call's own (a translation, the usage stripper), so it always sees the caller's
 * shape. Null from {@link #rewriterFor} leaves the answer as it is.
 */
public interface AnswerRewrite {

    AttributeKey<AnswerRewrite> KEY = new AttributeKey<>("answer-rewrite");

    Rewriter rewriterFor(int status, String contentType, HttpServerResponse client);
}
