package dev.ingate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfigLoaderErrorsTest {

    private static String error(String yaml) {
        return error(yaml, Map.of());
    }

    private static String error(String yaml, Map<String, String> env) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, "config.yaml", env));
        assertThat(e).as("expected a ConfigException for:%n%s", yaml).isNotNull();
        return e.getMessage();
    }

    private static final String AZURE = """
            providers:
              azure-gpt4:
                type: openai
                base_url: https://myorg.openai.azure.com
            """;

    @Test
    void unknownTopLevelKey() {
        assertThat(error("default_provider: openai\nprovider:\n  openai: {}\n")).isEqualTo(
                "config.yaml:2: provider: unknown key (expected one of: server, default_provider, providers, fallbacks, routes, retries, "
                        + "circuit_breaker, keys, metrics, recording, pricing, telemetry, cache, guardrails, webhooks, webhook_retry, "
                        + "limits, budget)");
    }

    @Test
    void unknownNestedKeys() {
        assertThat(error(AZURE + "    bse_url: https://x\n")).isEqualTo(
                "config.yaml:5: providers.azure-gpt4.bse_url: unknown key (expected one of: type, base_url, api_key, "
                        + "auth_header, auth_scheme, path_prefix, query_params, headers, auth_mode, enabled)");
        assertThat(error("server:\n  max_body: 1MB\n")).startsWith("config.yaml:2: server.max_body: unknown key (expected one of: max_request_body,");
        assertThat(error("metrics: { token: a, path: /m }\n")).isEqualTo("config.yaml:1: metrics.path: unknown key (expected one of: token)");
        assertThat(error("keys:\n  - name: a\n    key: k\n    scope: x\n")).startsWith("config.yaml:4: keys[0].scope: unknown key");
        assertThat(error("fallbacks:\n  openai:\n    - { provider: anthropic, modle: x }\n"))
                .isEqualTo("config.yaml:3: fallbacks.openai[0].modle: unknown key (expected one of: provider, model)");
    }

    @Test
    void wrongTypes() {
        assertThat(error("providers:\n  - openai\n")).isEqualTo("config.yaml:2: providers: expected a mapping, got a list");
        assertThat(error("server: fast\n")).isEqualTo("config.yaml:1: server: expected a mapping, got \"fast\"");
        assertThat(error("keys: { name: a }\n")).isEqualTo("config.yaml:1: keys: expected a list, got a mapping");
        assertThat(error("default_provider: [openai]\n")).isEqualTo("config.yaml:1: default_provider: expected a value, got a list");
        assertThat(error(AZURE + "    api_key: { a: b }\n")).isEqualTo("config.yaml:5: providers.azure-gpt4.api_key: expected a value, got a mapping");
        assertThat(error(AZURE + "    headers: [a]\n")).isEqualTo("config.yaml:5: providers.azure-gpt4.headers: expected a mapping, got a list");
        assertThat(error(AZURE + "    enabled: maybe\n")).isEqualTo("config.yaml:5: providers.azure-gpt4.enabled: expected true or false, got \"maybe\"");
        assertThat(error("fallbacks:\n  openai: anthropic\n")).isEqualTo("config.yaml:2: fallbacks.openai: expected a list, got \"anthropic\"");
        assertThat(error("- a\n- b\n")).isEqualTo("config.yaml:1: expected a mapping, got a list");
    }

    @Test
    void serverValues() {
        assertThat(error("server:\n  max_request_body: 10XB\n")).isEqualTo(
                "config.yaml:2: server.max_request_body: invalid size \"10XB\" (expected bytes, or a number with KB, MB or GB, e.g. 10MB)");
        assertThat(error("server:\n  max_request_body: 0\n")).isEqualTo("config.yaml:2: server.max_request_body: size must be greater than zero");
        assertThat(error("server:\n  upstream_timeout: 10 minutes\n")).startsWith("config.yaml:2: server.upstream_timeout: invalid duration \"10 minutes\"");
        assertThat(error("\nserver:\n  stream_idle_timeout: 0s\n")).isEqualTo("config.yaml:3: server.stream_idle_timeout: duration must be greater than zero");
    }

    @Test
    void providerNames() {
        assertThat(error("providers:\n  openai: {}\n  Azure: { base_url: https://a }\n")).startsWith(
                "config.yaml:3: providers.Azure: invalid provider name (use lowercase letters, digits");
        assertThat(error("providers:\n  -x: { base_url: https://a }\n")).startsWith("config.yaml:2: providers.-x: invalid provider name");
        assertThat(error("providers:\n  a b: { base_url: https://a }\n")).startsWith("config.yaml:2: providers.a b: invalid provider name");
    }

    @Test
    void providerFieldValues() {
        assertThat(error(AZURE.replace("type: openai", "type: azure"))).isEqualTo(
                "config.yaml:3: providers.azure-gpt4.type: unknown value \"azure\" (expected one of: openai, anthropic, ollama, gemini, bedrock)");
        assertThat(error(AZURE + "    auth_mode: bearer\n")).isEqualTo(
                "config.yaml:5: providers.azure-gpt4.auth_mode: unknown value \"bearer\" (expected one of: api_key, passthrough)");
        assertThat(error(AZURE + "    auth_header: api key\n")).startsWith(
                "config.yaml:5: providers.azure-gpt4.auth_header: \"api key\" is not a valid HTTP token");
        assertThat(error(AZURE + "    auth_scheme: Bearer Token\n")).startsWith(
                "config.yaml:5: providers.azure-gpt4.auth_scheme: \"Bearer Token\" is not a valid HTTP token");
        assertThat(error(AZURE + "    path_prefix: openai/deployments\n")).isEqualTo(
                "config.yaml:5: providers.azure-gpt4.path_prefix: must start with '/'");
        assertThat(error(AZURE + "    path_prefix: /x?y=1\n")).startsWith("config.yaml:5: providers.azure-gpt4.path_prefix: must be a plain path");
        assertThat(error(AZURE + "    headers:\n      X-Team: ml\n      Bad Header: x\n")).isEqualTo(
                "config.yaml:7: providers.azure-gpt4.headers.Bad Header: not a valid HTTP header name");
        assertThat(error(AZURE + "    headers: { X-Team: a, x-team: b }\n")).startsWith(
                "config.yaml:5: providers.azure-gpt4.headers.x-team: duplicate header");
        assertThat(error(AZURE + "    headers: { X-Team: \"a\\r\\nX-Evil: 1\" }\n")).isEqualTo(
                "config.yaml:5: providers.azure-gpt4.headers.X-Team: contains a line break or control character");
        assertThat(error(AZURE + "    api_key: ${KEY}\n", Map.of("KEY", "secret\n"))).isEqualTo(
                "config.yaml:5: providers.azure-gpt4.api_key: contains a line break or control character");
    }

    @Test
    void baseUrls() {
        String prefix = "config.yaml:4: providers.azure-gpt4.base_url: ";
        assertThat(error(AZURE.replace("https://myorg.openai.azure.com", "ftp://myorg"))).isEqualTo(
                prefix + "must be an absolute http:// or https:// URL");
        assertThat(error(AZURE.replace("https://myorg.openai.azure.com", "myorg.openai.azure.com"))).isEqualTo(
                prefix + "must be an absolute http:// or https:// URL");
        assertThat(error(AZURE.replace("https://myorg.openai.azure.com", "https:///v1"))).isEqualTo(prefix + "URL has no (valid) host");
        assertThat(error(AZURE.replace("https://myorg.openai.azure.com", "https://a.example?v=1"))).isEqualTo(
                prefix + "must not have a query string (use query_params)");
        assertThat(error(AZURE.replace("https://myorg.openai.azure.com", "https://a.example/#x"))).isEqualTo(
                prefix + "must not have a fragment");
        assertThat(error(AZURE.replace("https://myorg.openai.azure.com", "\"https://a b\""))).startsWith(prefix + "not a valid URL");
    }

    @Test
    void customProvidersNeedABaseUrl() {
        assertThat(error("providers:\n  openai: {}\n  together:\n    type: openai\n")).isEqualTo(
                "config.yaml:3: providers.together: base_url is required for a provider that is not built in (openai, anthropic, ollama)");
        assertThat(error("providers:\n  local:\n    base_url: ${LOCAL_URL}\n")).startsWith(
                "config.yaml:2: providers.local: base_url is required");
    }

    @Test
    void fallbackReferences() {
        assertThat(error(AZURE + "fallbacks:\n  azure: [ { provider: openai } ]\n")).isEqualTo(
                "config.yaml:6: fallbacks.azure: unknown provider \"azure\" (known: openai, anthropic, ollama, azure-gpt4)");
        assertThat(error(AZURE + "fallbacks:\n  azure-gpt4:\n    - provider: openai\n    - provider: gemini\n")).isEqualTo(
                "config.yaml:8: fallbacks.azure-gpt4[1].provider: unknown provider \"gemini\" (known: openai, anthropic, ollama, azure-gpt4)");
        assertThat(error("fallbacks:\n  openai:\n    - provider: openai\n")).isEqualTo(
                "config.yaml:3: fallbacks.openai[0].provider: a provider cannot fall back to itself");
        assertThat(error("fallbacks:\n  openai:\n    - model: gpt-4o\n")).isEqualTo(
                "config.yaml:3: fallbacks.openai[0]: missing required key \"provider\"");
    }

    @Test
    void gatewayKeys() {
        assertThat(error("keys:\n  - { name: ci, key: \"${INGATE_CI_KEY}\" }\n")).isEqualTo(
                "config.yaml:2: keys[0].key: empty (INGATE_CI_KEY is not set)");
        assertThat(error("keys:\n  - { name: ci, key: \"${INGATE_CI_KEY}\" }\n", Map.of("INGATE_CI_KEY", ""))).isEqualTo(
                "config.yaml:2: keys[0].key: empty (INGATE_CI_KEY is empty)");
        assertThat(error("keys:\n  - { name: ci, key: \"\" }\n")).isEqualTo("config.yaml:2: keys[0].key: empty");
        assertThat(error("keys:\n  - name: ci\n    key: a\n  - key: b\n")).isEqualTo("config.yaml:4: keys[1]: missing required key \"name\"");
        assertThat(error("keys:\n  - name: ci\n")).isEqualTo("config.yaml:2: keys[0]: missing required key \"key\"");
        assertThat(error("keys:\n  - { name: ci, key: a }\n  - { name: ci, key: b }\n")).isEqualTo(
                "config.yaml:3: keys[1].name: duplicate name \"ci\" (also keys[0])");
        assertThat(error("keys:\n  - { name: a, key: same }\n  - { name: b, key: same }\n")).isEqualTo(
                "config.yaml:3: keys[1].key: same key as keys[0]");
        assertThat(error("keys:\n  - name: a\n    key: k\n    providers:\n      - openai\n      - azure\n")).isEqualTo(
                "config.yaml:6: keys[0].providers[1]: unknown provider \"azure\" (known: openai, anthropic, ollama)");
        assertThat(error("keys:\n  - { name: a, key: k, models: [\"${M}\"] }\n")).isEqualTo("config.yaml:2: keys[0].models[0]: empty (M is not set)");
    }

    @Test
    void defaultProviderMustBeKnown() {
        assertThat(error(AZURE + "default_provider: azure\n")).isEqualTo(
                "config.yaml:5: default_provider: unknown provider \"azure\" (known: openai, anthropic, ollama, azure-gpt4)");
    }

    @Test
    void yamlProblems() {
        assertThat(error("server:\n  max_request_body: 1MB\n max: [\n")).startsWith("config.yaml:3: invalid YAML: ");
        assertThat(error("providers:\n  openai: {}\n  openai: {}\n")).isEqualTo(
                "config.yaml:3: providers.openai: duplicate key (first at line 2)");
        assertThat(error("default_provider: a\n---\ndefault_provider: b\n")).isEqualTo(
                "config.yaml:2: invalid YAML: expected a single document in the stream, but found another document");
        assertThat(error("a: b: c\n")).isEqualTo("config.yaml:1: invalid YAML: mapping values are not allowed here");
        assertThat(error("default_provider: !!python/object:os.system openai\n")).startsWith(
                "config.yaml:1: invalid YAML: Global tag is not allowed");
        assertThat(error("metrics:\n  token: \"${TOKEN\"\n")).isEqualTo(
                "config.yaml:2: metrics.token: unterminated ${ (write $${ for a literal ${)");
    }

    @Test
    void exceptionExposesItsParts() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.parse("\nserver: { upstream_timeout: x }\n", "my.yaml", Map.of()));
        assertThat(e.fileName()).isEqualTo("my.yaml");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.path()).isEqualTo("server.upstream_timeout");
        assertThat(e.problem()).startsWith("invalid duration");
    }
}
