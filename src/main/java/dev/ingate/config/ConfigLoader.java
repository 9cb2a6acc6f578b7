package dev.ingate.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import dev.ingate.config.IngateConfig.FallbackEntry;
import dev.ingate.config.IngateConfig.KeyEntry;
import dev.ingate.config.IngateConfig.ProviderEntry;
import dev.ingate.config.IngateConfig.ServerSettings;
import dev.ingate.config.YamlNodes.Entry;
import dev.ingate.config.YamlNodes.Scalar;

/**
 * Reads the YAML config file (SPEC section 2): {@code ${ENV}} substitution in values, strict keys, and errors
 * that name file, line and key path ({@link ConfigException}).
 */
public final class ConfigLoader {

    static final List<String> TOP_KEYS = List.of("server", "default_provider", "providers", "fallbacks", "routes", "retries",
            "circuit_breaker", "keys", "metrics", "recording", "pricing", "telemetry", "cache",
            "guardrails", "webhooks", "webhook_retry", "limits", "budget");
    static final List<String> SERVER_KEYS = List.of("max_request_body", "upstream_timeout", "stream_idle_timeout", "upstream_ca_file");
    static final List<String> FALLBACK_KEYS = List.of("provider", "model");
    static final List<String> KEY_KEYS = List.of("name", "key", "providers", "models", "rpm", "tpm", "budget_usd", "budget_period");
    static final List<String> METRICS_KEYS = List.of("token");

    private final YamlNodes y;
    private Set<String> knownProviders = Set.of();

    private ConfigLoader(YamlNodes y) {
        this.y = y;
    }

    public static IngateConfig load(Path file, Map<String, String> env) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, 0, "", "file not found", e);
        } catch (CharacterCodingException e) {
            throw new ConfigException(name, 0, "", "not valid UTF-8", e);
        } catch (IOException e) {
            throw new ConfigException(name, 0, "", "cannot read: " + e, e);
        }
        return parse(text, name, env);
    }

    public static IngateConfig parse(String yamlText, String fileName, Map<String, String> env) {
        Node root = compose(yamlText.startsWith("\uFEFF") ? yamlText.substring(1) : yamlText, fileName);
        if (YamlNodes.isNull(root)) {
            return IngateConfig.empty();
        }
        return new ConfigLoader(new YamlNodes(fileName, env)).config(root);
    }

    /**
     * One routing rule in the file's shape (JSON is YAML), checked by the file's rules, with targets limited to
     * {@code knownProviders}: how the admin API reads a route body. Error paths are the body's own
     * ({@code targets[0].weight}). No {@code ${ENV}} is expanded.
     */
    public static RouteRule parseRoute(String yamlText, String fileName, Set<String> knownProviders) {
        Node root = compose(yamlText, fileName);
        return new RouteParser(new YamlNodes(fileName, Map.of()), knownProviders).rule(root, "");
    }

    private static Node compose(String text, String fileName) {
        // compose() builds nodes only, never objects, so tags in the file cannot instantiate anything;
        // the LoaderOptions defaults bound aliases, nesting and size.
        LoaderOptions options = new LoaderOptions();
        options.setAllowRecursiveKeys(false);
        try {
            return new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            String problem = e.getContext() == null ? e.getProblem()
                    : e.getProblem() == null ? e.getContext() : e.getContext() + ", " + e.getProblem();
            throw new ConfigException(fileName, line, "", "invalid YAML: " + problem, e);
        } catch (YAMLException e) {
            throw new ConfigException(fileName, 0, "", "invalid YAML: " + e.getMessage(), e);
        }
    }

    private IngateConfig config(Node root) {
        Map<String, Entry> top = y.fields(root, "", TOP_KEYS);
        Map<String, ProviderEntry> providers = new ProviderParser(y).parse(value(top, "providers"));
        Set<String> known = new LinkedHashSet<>(ProviderRules.BUILT_IN);
        known.addAll(providers.keySet());
        knownProviders = Collections.unmodifiableSet(known);

        Optional<String> defaultProvider = y.optString(top.get("default_provider"), "default_provider");
        defaultProvider.ifPresent(p -> requireKnown(p, top.get("default_provider").value(), "default_provider"));
        Map<String, Entry> metrics = y.fields(value(top, "metrics"), "metrics", METRICS_KEYS);
        ObservabilityParser observability = new ObservabilityParser(y);
        RouteParser routes = new RouteParser(y, knownProviders);
        return new IngateConfig(
                server(value(top, "server")),
                defaultProvider,
                providers,
                fallbacks(value(top, "fallbacks")),
                routes.routes(value(top, "routes")),
                routes.dispatch(value(top, "retries"), value(top, "circuit_breaker")),
                keys(value(top, "keys")),
                y.optString(metrics.get("token"), "metrics.token"),
                observability.recording(value(top, "recording")),
                observability.pricing(value(top, "pricing")),
                observability.telemetry(value(top, "telemetry")),
                new CacheParser(y).cache(value(top, "cache")),
                new GuardrailParser(y).guardrails(value(top, "guardrails")),
                new WebhookParser(y).parse(value(top, "webhooks"), value(top, "webhook_retry")),
                new GovernanceParser(y).limits(value(top, "limits"), knownProviders),
                new GovernanceParser(y).budget(value(top, "budget")));
    }

    private static Node value(Map<String, Entry> fields, String key) {
        Entry e = fields.get(key);
        return e == null ? null : e.value();
    }

    private ServerSettings server(Node node) {
        Map<String, Entry> f = y.fields(node, "server", SERVER_KEYS);
        ServerSettings d = ServerSettings.defaults();
        long maxBody = y.optSize(f.get("max_request_body"), "server.max_request_body").orElse(d.maxRequestBodyBytes());
        return new ServerSettings(maxBody,
                y.optDuration(f.get("upstream_timeout"), "server.upstream_timeout").orElse(d.upstreamTimeout()),
                y.optDuration(f.get("stream_idle_timeout"), "server.stream_idle_timeout").orElse(d.streamIdleTimeout()),
                y.optString(f.get("upstream_ca_file"), "server.upstream_ca_file"));
    }

    private Map<String, List<FallbackEntry>> fallbacks(Node node) {
        Map<String, List<FallbackEntry>> out = new LinkedHashMap<>();
        for (Entry e : y.mapping(node, "fallbacks")) {
            String path = "fallbacks." + e.key();
            requireKnown(e.key(), e.keyNode(), path);
            List<FallbackEntry> chain = new ArrayList<>();
            List<Node> items = y.sequence(e.value(), path);
            for (int i = 0; i < items.size(); i++) {
                String p = path + "[" + i + "]";
                Map<String, Entry> f = y.fields(items.get(i), p, FALLBACK_KEYS);
                String provider = y.required(f, "provider", items.get(i), p);
                Node providerNode = f.get("provider").value();
                requireKnown(provider, providerNode, p + ".provider");
                if (provider.equals(e.key())) {
                    throw y.error(providerNode, p + ".provider", "a provider cannot fall back to itself");
                }
                chain.add(new FallbackEntry(provider, y.optString(f.get("model"), p + ".model")));
            }
            out.put(e.key(), List.copyOf(chain));
        }
        return Collections.unmodifiableMap(out);
    }

    private List<KeyEntry> keys(Node node) {
        List<KeyEntry> out = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> secrets = new HashMap<>();
        List<Node> items = y.sequence(node, "keys");
        for (int i = 0; i < items.size(); i++) {
            String p = "keys[" + i + "]";
            Map<String, Entry> f = y.fields(items.get(i), p, KEY_KEYS);
            String name = y.required(f, "name", items.get(i), p);
            String key = y.required(f, "key", items.get(i), p);
            Integer sameName = names.putIfAbsent(name, i);
            if (sameName != null) {
                throw y.error(f.get("name").value(), p + ".name", "duplicate name \"" + name + "\" (also keys[" + sameName + "])");
            }
            Integer sameKey = secrets.putIfAbsent(key, i);
            if (sameKey != null) {
                throw y.error(f.get("key").value(), p + ".key", "same key as keys[" + sameKey + "]");
            }
            List<String> providers = new ArrayList<>();
            for (Scalar s : y.stringList(value(f, "providers"), p + ".providers")) {
                requireKnown(s.text(), s.node(), p + ".providers[" + providers.size() + "]");
                providers.add(s.text());
            }
            List<String> models = y.stringList(value(f, "models"), p + ".models").stream().map(Scalar::text).toList();
            out.add(new KeyEntry(name, key, List.copyOf(providers), models, new GovernanceParser(y).keyLimits(f, p)));
        }
        return List.copyOf(out);
    }

    private void requireKnown(String provider, Node node, String path) {
        if (!knownProviders.contains(provider)) {
            throw y.error(node, path, "unknown provider \"" + provider + "\" (known: " + String.join(", ", knownProviders) + ")");
        }
    }
}
