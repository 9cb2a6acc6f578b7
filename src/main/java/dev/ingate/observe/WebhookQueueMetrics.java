package dev.ingate.observe;

import dev.ingate.webhook.WebhookEvents;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The event queue's health, read from its own counters at scrape time: the publishers pay nothing for it. */
public final class WebhookQueueMetrics {

    private WebhookQueueMetrics() {
    }

    public static void bind(GatewayMetrics metrics, WebhookEvents events) {
        MeterRegistry registry = metrics.registry();
        Gauge.builder("ingate.webhook.events.queue.depth", events, WebhookEvents::depth)
                .description("events waiting for the webhook delivery thread").register(registry);
        FunctionCounter.builder("ingate.webhook.events.published", events, WebhookEvents::published)
                .description("events queued for webhooks").register(registry);
        FunctionCounter.builder("ingate.webhook.events.dropped", events, WebhookEvents::dropped)
                .description("events dropped because the queue was full").register(registry);
    }
}
