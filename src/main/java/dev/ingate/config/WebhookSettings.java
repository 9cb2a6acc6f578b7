package dev.ingate.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * {@code webhooks:} (subscriptions declared in the file) and {@code webhook_retry:} (how deliveries are retried).
 *
 * @param attempts attempts per delivery, the first included
 * @param backoff  wait after the first failed attempt; it doubles after each further one
 * @param timeout  for one attempt: connect, send, and the receiver's answer
 */
public record WebhookSettings(List<WebhookEntry> hooks, int attempts, Duration backoff, Duration timeout) {

    public static final int DEFAULT_ATTEMPTS = 5;
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public WebhookSettings {
        hooks = List.copyOf(hooks);
    }

    public static WebhookSettings defaults() {
        return new WebhookSettings(List.of(), DEFAULT_ATTEMPTS, DEFAULT_BACKOFF, DEFAULT_TIMEOUT);
    }

    /** One entry of {@code webhooks:}. The secret is required here: a file has no place to show a generated one. */
    public record WebhookEntry(String url, List<String> events, String secret, boolean enabled) {

        public WebhookEntry {
            events = List.copyOf(events);
        }

        @Override
        public String toString() {
            return "WebhookEntry[url=" + url + ", events=" + events + ", secret=***, enabled=" + enabled + "]";
        }
    }

    /** An absolute http or https URL with a host: where a webhook may point. */
    public static boolean isDeliverable(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
