package dev.ingate.config;

import dev.ingate.config.WebhookSettings.WebhookEntry;
import dev.ingate.config.YamlNodes.Entry;
import dev.ingate.config.YamlNodes.Scalar;
import dev.ingate.events.EventTypes;
import org.yaml.snakeyaml.nodes.Node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code webhooks:} and {@code webhook_retry:} sections of the config file. */
final class WebhookParser {

    static final List<String> HOOK_KEYS = List.of("url", "events", "secret", "enabled");
    static final List<String> RETRY_KEYS = List.of("attempts", "backoff", "timeout");

    private final YamlNodes y;

    WebhookParser(YamlNodes y) {
        this.y = y;
    }

    WebhookSettings parse(Node hooks, Node retry) {
        Map<String, Entry> r = y.fields(retry, "webhook_retry", RETRY_KEYS);
        WebhookSettings d = WebhookSettings.defaults();
        Duration backoff = y.optDuration(r.get("backoff"), "webhook_retry.backoff").orElse(d.backoff());
        Duration timeout = y.optDuration(r.get("timeout"), "webhook_retry.timeout").orElse(d.timeout());
        if (timeout.isZero() || timeout.isNegative()) {
            throw y.error(r.get("timeout").value(), "webhook_retry.timeout", "must be more than 0");
        }
        return new WebhookSettings(hooks(hooks), y.optInt(r.get("attempts"), "webhook_retry.attempts", 1).orElse(d.attempts()),
                backoff, timeout);
    }

    private List<WebhookEntry> hooks(Node node) {
        List<WebhookEntry> out = new ArrayList<>();
        Map<String, Integer> urls = new HashMap<>();
        List<Node> items = y.sequence(node, "webhooks");
        for (int i = 0; i < items.size(); i++) {
            String p = "webhooks[" + i + "]";
            Map<String, Entry> f = y.fields(items.get(i), p, HOOK_KEYS);
            String url = y.required(f, "url", items.get(i), p);
            if (!WebhookSettings.isDeliverable(url)) {
                throw y.error(f.get("url").value(), p + ".url", "expected an http:// or https:// URL, got \"" + url + "\"");
            }
            Integer sameUrl = urls.putIfAbsent(url, i);
            if (sameUrl != null) {
                throw y.error(f.get("url").value(), p + ".url", "same url as webhooks[" + sameUrl + "]: list every event in one entry");
            }
            String secret = y.required(f, "secret", items.get(i), p);
            if (f.get("events") == null) {
                throw y.error(items.get(i), p, "missing required key \"events\" (event names, or \"*\" for all)");
            }
            List<String> events = new ArrayList<>();
            List<Scalar> names = y.stringList(f.get("events").value(), p + ".events");
            for (int j = 0; j < names.size(); j++) {
                String name = names.get(j).text();
                if (!name.equals("*") && !EventTypes.ALL.contains(name)) {
                    throw y.error(names.get(j).node(), p + ".events[" + j + "]",
                            "unknown event \"" + name + "\" (known: *, " + String.join(", ", EventTypes.ALL) + ")");
                }
                events.add(name);
            }
            if (events.isEmpty()) {
                throw y.error(f.get("events").value(), p + ".events", "empty: name at least one event, or \"*\" for all");
            }
            out.add(new WebhookEntry(url, events, secret, y.optBoolean(f.get("enabled"), p + ".enabled").orElse(true)));
        }
        return List.copyOf(out);
    }
}
