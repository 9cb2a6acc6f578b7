package dev.ingate.events;

import java.util.List;

/** Every event name a webhook may subscribe to, in the order the README lists them. */
public final class EventTypes {

    public static final List<String> ALL = List.of(GatewayEvents.BUDGET_THRESHOLD, GatewayEvents.BUDGET_EXHAUSTED,
            GatewayEvents.GUARDRAIL_BLOCKED, GatewayEvents.PROVIDER_FAILING, GatewayEvents.PROVIDER_RECOVERED,
            GatewayEvents.KEY_CREATED, GatewayEvents.KEY_REVOKED);

    private EventTypes() {
    }
}
