package dev.ingate.dispatch;

import dev.ingate.pipeline.AttributeKey;
import dev.ingate.stream.Rewriter;
import io.vertx.core.http.HttpServerResponse;

/**
 * A concern that wants to change an untranslated answer before the client sees it (the model list gets
 * Ingate's own models added) attaches one of these to the exchange; the upstream call asks it once the
 * answer's head is known. Null from {@link #rewriterFor} leaves the answer as it is.
 */
public interface AnswerRewrite {

    AttributeKey<AnswerRewrite> KEY = new AttributeKey<>("answer-rewrite");

    Rewriter rewriterFor(int status, String contentType, HttpServerResponse client);
}
