package dev.ingate.config;

import dev.ingate.config.YamlNodes.Entry;
import org.yaml.snakeyaml.nodes.Node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code routes:}, {@code retries:} and {@code circuit_breaker:} sections, and single route bodies of the admin API. */
final class RouteParser {

    static final List<String> ROUTE_KEYS = List.of("model", "strategy", "targets");
    static final List<String> TARGET_KEYS = List.of("provider", "model", "weight");
    static final List<String> RETRY_KEYS = List.of("max", "backoff", "max_backoff");
    static final List<String> BREAKER_KEYS = List.of("failures", "cooldown");

    private final YamlNodes y;
    private final Set<String> knownProviders;

    RouteParser(YamlNodes y, Set<String> knownProviders) {
        this.y = y;
        this.knownProviders = knownProviders;
    }

    /** The model name that lets the router choose by the rule's strategy. */
    static final String AUTO = "auto";

    List<RouteRule> routes(Node node) {
        List<RouteRule> out = new ArrayList<>();
        Map<String, Integer> patterns = new HashMap<>();
        List<Node> items = y.sequence(node, "routes");
        for (int i = 0; i < items.size(); i++) {
            String path = "routes[" + i + "]";
            RouteRule rule = rule(items.get(i), path);
            Integer first = patterns.putIfAbsent(rule.model(), i);
            if (first != null) {
                Node modelNode = y.fields(items.get(i), path, ROUTE_KEYS).get("model").value();
                throw y.error(modelNode, path + ".model", "duplicate model pattern \"" + rule.model() + "\" (also routes[" + first + "])");
            }
            out.add(rule);
        }
        return List.copyOf(out);
    }

    /** One rule; {@code path} is "" for an admin API body, so errors name its fields as the body has them. */
    RouteRule rule(Node node, String path) {
        Map<String, Entry> f = y.fields(node, path, ROUTE_KEYS);
        String model = y.required(f, "model", node, path);
        RouteStrategy strategy = RouteStrategy.PRIORITY;
        Optional<String> strategyName = y.optString(f.get("strategy"), YamlNodes.child(path, "strategy"));
        if (strategyName.isPresent()) {
            strategy = RouteStrategy.parse(strategyName.get()).orElseThrow(() -> y.error(f.get("strategy").value(),
                    YamlNodes.child(path, "strategy"), "unknown strategy \"" + strategyName.get() + "\" (expected one of: "
                            + String.join(", ", RouteStrategy.NAMES) + ")"));
        }
        String targetsPath = YamlNodes.child(path, "targets");
        if (!f.containsKey("targets")) {
            throw y.error(node, path, "missing required key \"targets\"");
        }
        List<Node> items = y.sequence(f.get("targets").value(), targetsPath);
        if (items.isEmpty()) {
            throw y.error(f.get("targets").value(), targetsPath, "a route needs at least one target");
        }
        List<RouteTarget> targets = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            RouteTarget target = target(items.get(i), targetsPath + "[" + i + "]");
            if (model.equals(AUTO) && target.model().isEmpty()) {
                // "auto" is no provider's model: sent on as it is, every provider would answer 404
                throw y.error(items.get(i), targetsPath + "[" + i + "].model", "a target of the \"auto\" route must name its model");
            }
            targets.add(target);
        }
        return new RouteRule(model, strategy, targets);
    }

    private RouteTarget target(Node node, String path) {
        Map<String, Entry> f = y.fields(node, path, TARGET_KEYS);
        String provider = y.required(f, "provider", node, path);
        if (!knownProviders.contains(provider)) {
            throw y.error(f.get("provider").value(), path + ".provider",
                    "unknown provider \"" + provider + "\" (known: " + String.join(", ", knownProviders) + ")");
        }
        Entry weight = f.get("weight");
        int w = y.optInt(weight, path + ".weight", 1).orElse(1);
        if (w > RouteTarget.MAX_WEIGHT) {
            throw y.error(weight.value(), path + ".weight", "must be at most " + RouteTarget.MAX_WEIGHT + ", got " + w);
        }
        return new RouteTarget(provider, y.optString(f.get("model"), path + ".model"), w);
    }

    DispatchSettings dispatch(Node retriesNode, Node breakerNode) {
        DispatchSettings d = DispatchSettings.defaults();
        Map<String, Entry> retries = y.fields(retriesNode, "retries", RETRY_KEYS);
        Duration backoff = y.optDuration(retries.get("backoff"), "retries.backoff").orElse(d.backoff());
        Duration maxBackoff = y.optDuration(retries.get("max_backoff"), "retries.max_backoff").orElse(d.maxBackoff());
        if (maxBackoff.compareTo(backoff) < 0) {
            boolean explicitMax = retries.containsKey("max_backoff");
            throw y.error(retries.get(explicitMax ? "max_backoff" : "backoff").value(), explicitMax ? "retries.max_backoff" : "retries.backoff",
                    explicitMax ? "shorter than retries.backoff" : "longer than retries.max_backoff (default 8s)");
        }
        Map<String, Entry> breaker = y.fields(breakerNode, "circuit_breaker", BREAKER_KEYS);
        return new DispatchSettings(
                y.optInt(retries.get("max"), "retries.max", 0).orElse(d.maxRetries()),
                backoff,
                maxBackoff,
                y.optInt(breaker.get("failures"), "circuit_breaker.failures", 0).orElse(d.breakerFailures()),
                y.optDuration(breaker.get("cooldown"), "circuit_breaker.cooldown").orElse(d.breakerCooldown()));
    }
}
