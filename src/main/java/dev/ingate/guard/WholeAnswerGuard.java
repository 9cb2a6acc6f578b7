package dev.ingate.guard;

import dev.ingate.guard.text.Side;
import dev.ingate.pipeline.ErrorEnvelope;
import dev.ingate.pipeline.Exchange;
import dev.ingate.stream.WholeBodyRewriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

import java.util.List;

/**
 * Output rules on an answer that is not streamed: nothing has reached the client yet, so a block answers 403 in the
 * caller's envelope instead of the answer, and a redaction rewrites only the string values that matched.
 */
final class WholeAnswerGuard extends WholeBodyRewriter {

    private final Exchange ex;
    private final List<GuardRule> rules;
    private final GuardNotices notices;

    WholeAnswerGuard(Exchange ex, List<GuardRule> rules, GuardNotices notices, HttpServerResponse client) {
        super(client);
        this.ex = ex;
        this.rules = rules;
        this.notices = notices;
    }

    @Override
    protected Buffer render(Buffer body, boolean overflow, HttpServerResponse client) {
        if (overflow) {
            return body;
        }
        byte[] bytes = body.getBytes();
        Verdict verdict = BodyCheck.evaluate(rules, bytes, 0, bytes.length, Side.OUTPUT, ex.model());
        if (verdict.blockedBy() != null) {
            notices.blocked(ex, verdict.blockedBy(), "output");
            var error = GuardNotices.blockedError(verdict.blockedBy());
            client.setStatusCode(error.status());
            client.headers().set(HttpHeaders.CONTENT_TYPE, "application/json");
            return ErrorEnvelope.render(ex.callerShape(), error);
        }
        notices.passed(ex, verdict.passed(), "output");
        return verdict.rewrittenBody() == null ? body : Buffer.buffer(verdict.rewrittenBody());
    }
}
