package dev.ingate.events;

import java.util.Map;

/**
 * Things that happened which someone outside may want to hear about (webhooks): a budget crossing a threshold, a
 * guardrail blocking, a provider failing or recovering, a key created or revoked. {@link #publish} never blocks and
 * never fails the caller: it may run on an event loop, in the middle of a request.
 */
public interface GatewayEvents {

    GatewayEvents NONE = (type, data) -> { };

    String BUDGET_THRESHOLD = "budget.threshold";
    String BUDGET_EXHAUSTED = "budget.exhausted";
    String GUARDRAIL_BLOCKED = "guardrail.blocked";
    String PROVIDER_FAILING = "provider.failing";
    String PROVIDER_RECOVERED = "provider.recovered";
    String KEY_CREATED = "key.created";
    String KEY_REVOKED = "key.revoked";

    /** @param data the event's fields, JSON-ready (strings, numbers, booleans, lists and maps of those) */
    void publish(String type, Map<String, Object> data);
}
