package dev.ingate.admin;

import dev.ingate.config.IngateConfig.FallbackEntry;
import tools.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.Set;

/** One entry of a fallback chain body: {@code {"provider": name, "model": optional}}, checked like the file's. */
final class FallbackBodies {

    private static final Set<String> FIELDS = Set.of("provider", "model");

    private FallbackBodies() {
    }

    static FallbackEntry entry(String primary, JsonNode node, int index, AdminContext ctx) {
        String at = "[" + index + "]";
        if (node == null || !node.isObject()) {
            throw AdminException.badRequest(at + ": must be an object {\"provider\":…,\"model\":…}");
        }
        node.propertyNames().forEach(field -> {
            if (!FIELDS.contains(field)) {
                throw AdminException.badRequest(at + "." + field + ": unknown field (expected provider, model)");
            }
        });
        JsonNode provider = node.get("provider");
        if (provider == null || !provider.isString() || provider.asString().isBlank()) {
            throw AdminException.badRequest(at + ".provider: required (a provider name)");
        }
        String name = provider.asString();
        if (name.equals(primary)) {
            throw AdminException.badRequest(at + ".provider: a chain cannot fall back to its own primary");
        }
        if (ctx.providers().get(name).isEmpty()) {
            throw AdminException.badRequest(at + ".provider: provider '" + name + "' does not exist");
        }
        JsonNode model = node.get("model");
        if (model != null && !model.isNull() && !model.isString()) {
            throw AdminException.badRequest(at + ".model: must be a string");
        }
        return new FallbackEntry(name, model == null || model.isNull() ? Optional.empty() : Optional.of(model.asString()));
    }
}
