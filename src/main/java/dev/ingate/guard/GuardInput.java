package dev.ingate.guard;

import dev.ingate.estimate.Tokenizer;
import dev.ingate.events.GatewayEvents;
import dev.ingate.guard.text.Side;
import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.Handler;
import dev.ingate.pipeline.IngateError;
import dev.ingate.pipeline.Interceptor;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import dev.ingate.observe.Attributes;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Input guardrails (after rate limits, before the cache: a cached answer must not serve a blocked prompt, and the
 * cache key is the redacted body). Blocks with 403 in the caller's envelope before any upstream call, or sends the
 * redacted body upstream instead; also arms the output rules for the answer. Big bodies, and token counts that need
 * a BPE tokenizer, are checked on a worker.
 */
public final class GuardInput implements Interceptor {

    /** Above this many bytes the regexes run on a worker rather than the event loop. */
    static final int WORKER_THRESHOLD = 64 * 1024;
    private static final Logger LOG = Logger.getLogger("dev.ingate.guard");

    private final Vertx vertx;
    private final Guardrails rules;
    private final GuardNotices notices;
    private final boolean countsTokens;

    public GuardInput(Vertx vertx, Guardrails rules, GatewayEvents events) {
        this.vertx = vertx;
        this.rules = rules;
        this.notices = new GuardNotices(events);
        this.countsTokens = rules.inputRules().stream().anyMatch(r -> r.check() instanceof Check.MaxTokens);
    }

    @Override
    public void intercept(Exchange ex, Handler next) {
        Buffer body = ex.body();
        if (ex.request().method() != HttpMethod.POST || body == null || body.length() == 0) {
            next.handle(ex);
            return;
        }
        if (!rules.outputRules().isEmpty()) {
            GuardOutput.install(ex, rules.outputRules(), notices);
        } else if (rules.storedBodyPii().isPresent() && ex.attribute(Attributes.BODIES) != null) {
            // a compressed answer would be stored compressed, out of reach of the stored bodies' PII redaction
            ex.request().headers().remove(HttpHeaders.ACCEPT_ENCODING);
        }
        if (rules.inputRules().isEmpty()) {
            next.handle(ex);
            return;
        }
        byte[] bytes = body.getBytes();
        String model = ex.model();
        if (bytes.length > WORKER_THRESHOLD || countsTokens && !Tokenizer.forModel(model).countsInline(bytes.length)) {
            vertx.executeBlocking(() -> BodyCheck.evaluate(rules.inputRules(), bytes, 0, bytes.length, Side.INPUT, model), false)
                    .onComplete(done -> {
                        if (done.failed()) {
                            LOG.log(Level.WARNING, "request " + ex.id() + ": guardrails failed", done.cause());
                            ex.fail(new IngateError(IngateError.Kind.PERMISSION, "guardrail_error", "The guardrails could not check this request"));
                        } else {
                            decide(ex, next, done.result());
                        }
                    });
        } else {
            decide(ex, next, BodyCheck.evaluate(rules.inputRules(), bytes, 0, bytes.length, Side.INPUT, model));
        }
    }

    private void decide(Exchange ex, Handler next, Verdict verdict) {
        if (ex.clientGone()) {
            return;   // it left while a worker checked its body
        }
        if (verdict.blockedBy() != null) {
            notices.blocked(ex, verdict.blockedBy(), "input");
            ex.fail(GuardNotices.blockedError(verdict.blockedBy()));
            return;
        }
        notices.passed(ex, verdict.passed(), "input");
        if (verdict.rewrittenBody() != null) {
            ex.body(Buffer.buffer(verdict.rewrittenBody()));
        }
        next.handle(ex);
    }
}
