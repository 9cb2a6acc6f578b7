package dev.ingate.admin;

import dev.ingate.config.IngateConfig.ProviderEntry;
import dev.ingate.provider.StoredProvider;
import dev.ingate.secrets.SecretBox;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.regex.Pattern;

/** Providers as the admin API shows them: the config file's keys, secrets reduced to a hint. */
final class ProviderViews {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Header values under such names are credentials too, so they come back masked like the API key. */
    private static final Pattern SECRET_HEADER = Pattern.compile("(?i).*(auth|key|token|secret|password).*");

    private ProviderViews() {
    }

    /** The settings in the config file's shape, without the API key: the base a PATCH merges into. */
    static ObjectNode settings(ProviderEntry entry) {
        ObjectNode node = JSON.createObjectNode();
        entry.type().ifPresent(v -> node.put("type", v));
        entry.baseUrl().ifPresent(v -> node.put("base_url", v));
        entry.authHeader().ifPresent(v -> node.put("auth_header", v));
        entry.authScheme().ifPresent(v -> node.put("auth_scheme", v));
        entry.pathPrefix().ifPresent(v -> node.put("path_prefix", v));
        if (!entry.queryParams().isEmpty()) {
            ObjectNode query = node.putObject("query_params");
            entry.queryParams().forEach(query::put);
        }
        if (!entry.headers().isEmpty()) {
            ObjectNode headers = node.putObject("headers");
            entry.headers().forEach(headers::put);
        }
        entry.authMode().ifPresent(v -> node.put("auth_mode", v));
        entry.enabled().ifPresent(v -> node.put("enabled", v));
        return node;
    }

    static ObjectNode view(StoredProvider stored, SecretBox secrets, boolean isDefault) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", stored.name());
        ObjectNode settings = settings(stored.settings());
        if (settings.has("headers")) {
            ObjectNode masked = JSON.createObjectNode();
            for (Map.Entry<String, String> header : stored.settings().headers().entrySet()) {
                masked.put(header.getKey(), SECRET_HEADER.matcher(header.getKey()).matches() ? SecretBox.hint(header.getValue()) : header.getValue());
            }
            settings.set("headers", masked);
        }
        node.setAll(settings);
        if (stored.sealedApiKey().isPresent()) {
            node.put("api_key_hint", hintOf(stored, secrets));
        } else {
            node.putNull("api_key_hint");
        }
        node.put("origin", stored.origin().wireName());
        node.put("default", isDefault);
        node.put("updated_at", stored.updatedAt().toString());
        return node;
    }

    private static String hintOf(StoredProvider stored, SecretBox secrets) {
        try {
            return SecretBox.hint(secrets.open(stored.sealedApiKey().orElseThrow(), stored.name()));
        } catch (RuntimeException unreadable) {
            return "(unreadable with the current master key)";
        }
    }
}
