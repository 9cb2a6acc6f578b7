package dev.ingate.admin;

import dev.ingate.config.ConfigException;
import dev.ingate.config.ConfigLoader;
import dev.ingate.config.IngateConfig;
import dev.ingate.config.IngateConfig.ProviderEntry;
import dev.ingate.config.ProviderRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Turns an admin API provider body into a {@link ProviderEntry} with exactly the config file's rules
 * and messages: JSON is YAML, so the body is validated by the same loader as the file. Environment
 * references in a body are not expanded ({@code ${} is escaped): API input is taken literally.
 */
final class ProviderBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProviderBodies() {
    }

    /** The provider settings in a body (without its {@code name} field), or a 400 naming the field. */
    static ProviderEntry parse(String name, JsonNode body) {
        checkName(name);
        ObjectNode settings = ((ObjectNode) body).deepCopy();
        settings.remove("name");
        String json = JSON.writeValueAsString(settings).replace("${", "$${");
        String yaml = "providers:\n  " + JSON.writeValueAsString(name) + ": " + json + "\n";
        try {
            IngateConfig parsed = ConfigLoader.parse(yaml, "body", Map.of());
            return parsed.providers().get(name);
        } catch (ConfigException e) {
            String prefix = "providers." + name + ".";
            String field = e.path().startsWith(prefix) ? e.path().substring(prefix.length()) : e.path();
            throw AdminException.badRequest(field.equals("providers." + name) || field.isEmpty() ? e.problem() : field + ": " + e.problem());
        }
    }

    static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw AdminException.badRequest("name: required");
        }
        ProviderRules.nameProblem(name).ifPresent(problem -> {
            throw AdminException.badRequest("name: " + problem);
        });
        if (name.equals("default")) {
            throw AdminException.badRequest("name: 'default' is reserved (PUT /api/v1/providers/default sets the default provider)");
        }
    }
}
