package dev.ingate.guard;

import dev.ingate.events.GatewayEvents;
import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.IngateError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * What the outside learns when a rule fires: a block becomes a {@code guardrail.blocked} event and a 403 naming the
 * rule; rules that let the request through are named in {@code X-Ingate-Guardrails} and a log line. Matched text is
 * never logged: it is what the rules exist to keep out.
 */
final class GuardNotices {

    static final String HEADER = "X-Ingate-Guardrails";
    private static final Logger LOG = Logger.getLogger("dev.ingate.guard");

    private final GatewayEvents events;

    GuardNotices(GatewayEvents events) {
        this.events = events;
    }

    static IngateError blockedError(GuardRule rule) {
        return new IngateError(IngateError.Kind.PERMISSION, "guardrail_blocked", "Blocked by guardrail '" + rule.name() + "'");
    }

    void blocked(Exchange ex, GuardRule rule, String direction) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("rule", rule.name());
        data.put("direction", direction);
        data.put("request_id", ex.id());
        data.put("key", ex.key() == null ? null : ex.key().name());
        data.put("provider", ex.provider() == null ? null : ex.provider().name());
        data.put("model", ex.model());
        events.publish(GatewayEvents.GUARDRAIL_BLOCKED, data);
        LOG.info(() -> "request " + ex.id() + ": guardrail '" + rule.name() + "' blocked the " + direction);
    }

    /** Before the answer's head went out: the rules are added to the header too. */
    void passed(Exchange ex, List<String> rules, String direction) {
        if (rules.isEmpty()) {
            return;
        }
        String listed = ex.response().headers().get(HEADER);
        ex.response().headers().set(HEADER, listed == null ? String.join(",", rules) : listed + "," + String.join(",", rules));
        LOG.info(() -> "request " + ex.id() + ": guardrail(s) " + rules + " matched the " + direction + " and let it through");
    }

    /** In a stream the head has gone out: a log line only. */
    void passedInStream(Exchange ex, String rule) {
        LOG.info(() -> "request " + ex.id() + ": guardrail '" + rule + "' matched the streamed output and let it through");
    }
}
