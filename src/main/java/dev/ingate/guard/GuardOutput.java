package dev.ingate.guard;

import dev.ingate.dispatch.AnswerRewrite;
import dev.ingate.pipeline.Exchange;
import dev.ingate.stream.Framing;
import dev.ingate.stream.Rewriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

import java.util.List;
import java.util.logging.Logger;

/**
 * Output guardrails, attached to the exchange by {@link GuardInput}: the upstream call asks for a rewriter once the
 * answer's head is known (after a translation's own rewriter, so rules see the caller's shape). Whole answers are
 * checked whole ({@link WholeAnswerGuard}); streams as their text grows ({@link StreamGuard}). Error answers pass.
 */
final class GuardOutput implements AnswerRewrite {

    private static final Logger LOG = Logger.getLogger("dev.ingate.guard");

    private final Exchange ex;
    private final List<GuardRule> rules;
    private final GuardNotices notices;

    private GuardOutput(Exchange ex, List<GuardRule> rules, GuardNotices notices) {
        this.ex = ex;
        this.rules = rules;
        this.notices = notices;
    }

    static void install(Exchange ex, List<GuardRule> rules, GuardNotices notices) {
        ex.attribute(AnswerRewrite.KEY, new GuardOutput(ex, rules, notices));
        // a compressed answer cannot be read on the way through: ask the upstream for plain bytes
        ex.request().headers().remove(HttpHeaders.ACCEPT_ENCODING);
    }

    @Override
    public Rewriter rewriterFor(int status, String contentType, HttpServerResponse client) {
        if (status < 200 || status >= 300) {
            return null;
        }
        String encoding = client.headers().get(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("identity")) {
            LOG.warning(() -> "request " + ex.id() + ": the answer is " + encoding + "-encoded; output guardrails cannot read it");
            return null;
        }
        Framing framing = Framing.ofContentType(contentType);
        if (framing != Framing.NONE) {
            // redactions change the length: the answer goes chunked whatever length the upstream announced
            client.headers().remove(HttpHeaders.CONTENT_LENGTH);
            client.setChunked(true);
            return new StreamGuard(rules, streamListener(framing), framing);
        }
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            return new WholeAnswerGuard(ex, rules, notices, client);
        }
        return null;
    }

    private StreamGuard.Listener streamListener(Framing framing) {
        return new StreamGuard.Listener() {
            @Override
            public void blocked(GuardRule rule) {
                notices.blocked(ex, rule, "output");
            }

            @Override
            public void passed(String rule) {
                notices.passedInStream(ex, rule);
            }

            @Override
            public Buffer errorEvent(GuardRule rule) {
                return StreamErrorEvent.render(ex.request().path(), ex.callerShape(), framing, GuardNotices.blockedError(rule));
            }
        };
    }
}
