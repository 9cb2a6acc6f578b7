package dev.ingate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ingate.config.IngateConfig.FallbackEntry;
import dev.ingate.config.IngateConfig.KeyEntry;
import dev.ingate.config.IngateConfig.ProviderEntry;

class ConfigLoaderTest {

    /** SPEC section 2, verbatim. */
    static final String SPEC_EXAMPLE = """
            server:
              max_request_body: 10MB        # larger bodies get 413 (KB, MB, GB are powers of 1024)
              upstream_timeout: 600s        # no upstream response headers by then: 504
              stream_idle_timeout: 300s     # a stream silent this long is cut
            default_provider: openai
            providers:                      # a map: name -> settings
              openai:     { api_key: "${OPENAI_API_KEY}" }      # built-in names carry defaults
              anthropic:  { api_key: "${ANTHROPIC_API_KEY}" }
              ollama:     {}
              azure-gpt4:
                type: openai                # the API shape it speaks: openai | anthropic | ollama | gemini | bedrock
                base_url: https://myorg.openai.azure.com
                api_key: "${AZURE_KEY}"
                auth_header: api-key        # default Authorization
                auth_scheme: ""             # default Bearer; "" = no prefix
                path_prefix: /openai/deployments/gpt-4o
                query_params: { api-version: "2024-02-01" }
                headers: { X-Team: ml }
              together:
                type: openai
                base_url: https://api.together.xyz
                auth_mode: passthrough      # api_key (default) | passthrough
                enabled: true
            fallbacks:                      # primary -> ordered chain
              openai:
                - provider: anthropic
                  model: claude-3-5-haiku-latest   # optional: model to use there
            keys:                           # gateway keys (sk-ingate-…); plaintext here is hashed at load
              - { name: ci, key: "${INGATE_CI_KEY}" }
              - { name: team-a, key: "${TEAM_A_KEY}", providers: [openai], models: ["gpt-4o*"] }
            """;

    static final Map<String, String> ENV = Map.of(
            "OPENAI_API_KEY", "sk-openai",
            "AZURE_KEY", "azure-secret",
            "INGATE_CI_KEY", "sk-ingate-ci",
            "TEAM_A_KEY", "sk-ingate-team-a");

    @Test
    void specExampleParses() {
        IngateConfig c = ConfigLoader.parse(SPEC_EXAMPLE, "config.yaml", ENV);

        assertThat(c.server().maxRequestBodyBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(c.server().upstreamTimeout()).isEqualTo(Duration.ofSeconds(600));
        assertThat(c.server().streamIdleTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(c.server().upstreamCaFile()).isEmpty();
        assertThat(c.defaultProvider()).contains("openai");
        assertThat(c.providers()).containsOnlyKeys("openai", "anthropic", "ollama", "azure-gpt4", "together");
        assertThat(c.providers().keySet()).containsExactly("openai", "anthropic", "ollama", "azure-gpt4", "together");

        assertThat(c.providers().get("openai").apiKey()).contains("sk-openai");
        assertThat(c.providers().get("anthropic").apiKey()).isEmpty(); // ANTHROPIC_API_KEY unset
        assertThat(c.providers().get("ollama")).isEqualTo(new ProviderEntry(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Map.of(),
                Optional.empty(), Optional.empty()));

        ProviderEntry azure = c.providers().get("azure-gpt4");
        assertThat(azure.type()).contains("openai");
        assertThat(azure.baseUrl()).contains("https://myorg.openai.azure.com");
        assertThat(azure.apiKey()).contains("azure-secret");
        assertThat(azure.authHeader()).contains("api-key");
        assertThat(azure.authScheme()).contains("");
        assertThat(azure.pathPrefix()).contains("/openai/deployments/gpt-4o");
        assertThat(azure.queryParams()).containsExactly(Map.entry("api-version", "2024-02-01"));
        assertThat(azure.headers()).containsExactly(Map.entry("X-Team", "ml"));
        assertThat(azure.authMode()).isEmpty();
        assertThat(azure.enabled()).isEmpty();

        ProviderEntry together = c.providers().get("together");
        assertThat(together.type()).contains("openai");
        assertThat(together.baseUrl()).contains("https://api.together.xyz");
        assertThat(together.authMode()).contains("passthrough");
        assertThat(together.enabled()).contains(true);
        assertThat(together.apiKey()).isEmpty();
        assertThat(together.authScheme()).isEmpty();

        assertThat(c.fallbacks()).containsExactly(Map.entry("openai",
                List.of(new FallbackEntry("anthropic", Optional.of("claude-3-5-haiku-latest")))));

        assertThat(c.keys()).containsExactly(
                new KeyEntry("ci", "sk-ingate-ci", List.of(), List.of()),
                new KeyEntry("team-a", "sk-ingate-team-a", List.of("openai"), List.of("gpt-4o*")));
        assertThat(c.metricsToken()).isEmpty();
    }

    @Test
    void collectionsAreUnmodifiable() {
        IngateConfig c = ConfigLoader.parse(SPEC_EXAMPLE, "config.yaml", ENV);
        assertThatThrownBy(() -> c.providers().remove("openai")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.providers().get("azure-gpt4").headers().put("a", "b"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.fallbacks().get("openai").clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.keys().get(1).providers().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.keys().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void emptyFilesAreTheEmptyConfig() {
        assertThat(ConfigLoader.parse("", "c.yaml", Map.of())).isEqualTo(IngateConfig.empty());
        assertThat(ConfigLoader.parse("# only a comment\n", "c.yaml", Map.of())).isEqualTo(IngateConfig.empty());
        assertThat(ConfigLoader.parse("---\n", "c.yaml", Map.of())).isEqualTo(IngateConfig.empty());
        assertThat(ConfigLoader.parse("server:\nproviders:\nkeys:\n", "c.yaml", Map.of())).isEqualTo(IngateConfig.empty());
    }

    @Test
    void envSubstitutionWithDefaultsAndUnsetVariables() {
        String yaml = """
                server:
                  upstream_timeout: ${TIMEOUT:-30s}
                  max_request_body: "${BODY:-1MB}"
                  upstream_ca_file: ${CA_DIR}/ca.pem
                default_provider: ${DEFAULT:-ollama}
                providers:
                  local:
                    base_url: http://${LLM_HOST:-localhost}:${LLM_PORT}
                    api_key: ${LOCAL_KEY}
                    auth_scheme: ${SCHEME}
                    headers: { X-Env: "${STAGE:-dev}", X-Dropped: "${UNSET}", X-Literal: "$${NOT_A_VAR}" }
                    enabled: ${LOCAL_ENABLED:-false}
                metrics:
                  token: ${METRICS_TOKEN}
                """;
        IngateConfig c = ConfigLoader.parse(yaml, "c.yaml", Map.of("LLM_PORT", "9000", "CA_DIR", "/etc/ssl", "STAGE", "prod"));
        assertThat(c.server().upstreamTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.server().maxRequestBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(c.server().upstreamCaFile()).contains("/etc/ssl/ca.pem");
        assertThat(c.defaultProvider()).contains("ollama");
        ProviderEntry local = c.providers().get("local");
        assertThat(local.baseUrl()).contains("http://localhost:9000");
        assertThat(local.apiKey()).isEmpty();
        assertThat(local.authScheme()).isEmpty(); // only a literal "" means "no prefix"
        assertThat(local.headers()).containsExactly(Map.entry("X-Env", "prod"), Map.entry("X-Literal", "${NOT_A_VAR}"));
        assertThat(local.enabled()).contains(false);
        assertThat(c.metricsToken()).isEmpty();

        IngateConfig withToken = ConfigLoader.parse(yaml, "c.yaml", Map.of("LLM_PORT", "1", "METRICS_TOKEN", "m-tok"));
        assertThat(withToken.metricsToken()).contains("m-tok");
    }

    @Test
    void keysAreNotSubstituted() {
        IngateConfig c = ConfigLoader.parse("""
                providers:
                  p:
                    base_url: https://p.example
                    query_params: { "${A}": x }
                """, "c.yaml", Map.of("A", "a"));
        assertThat(c.providers().get("p").queryParams()).containsExactly(Map.entry("${A}", "x"));
    }

    @Test
    void scalarsTypedByYamlAreTakenAsText() {
        IngateConfig c = ConfigLoader.parse("""
                server: { max_request_body: 1048576, upstream_timeout: 90 }
                providers:
                  p:
                    base_url: https://p.example/v1/
                    path_prefix: /deployments/x/
                    query_params: { api-version: 2024-02-01, n: 3, beta: true }
                    headers: { X-Num: 1.5 }
                  q:
                    base_url: https://q.example
                    path_prefix: /
                """, "c.yaml", Map.of());
        assertThat(c.server().maxRequestBodyBytes()).isEqualTo(1048576);
        assertThat(c.server().upstreamTimeout()).isEqualTo(Duration.ofSeconds(90));
        ProviderEntry p = c.providers().get("p");
        assertThat(p.baseUrl()).contains("https://p.example/v1");
        assertThat(p.pathPrefix()).contains("/deployments/x");
        assertThat(p.queryParams()).containsExactly(
                Map.entry("api-version", "2024-02-01"), Map.entry("n", "3"), Map.entry("beta", "true"));
        assertThat(p.headers()).containsExactly(Map.entry("X-Num", "1.5"));
        assertThat(c.providers().get("q").pathPrefix()).contains("");
    }

    @Test
    void providerValuesMayBeNullOrEmpty() {
        IngateConfig c = ConfigLoader.parse("providers:\n  openai:\n  anthropic: {}\n  ollama: ~\n", "c.yaml", Map.of());
        assertThat(c.providers()).containsOnlyKeys("openai", "anthropic", "ollama");
        assertThat(c.providers().get("openai").queryParams()).isEmpty();
    }

    @Test
    void fallbacksMayPointAtBuiltInsAndOmitTheModel() {
        IngateConfig c = ConfigLoader.parse("""
                providers:
                  azure: { base_url: "https://a.example" }
                fallbacks:
                  azure: [ { provider: openai }, { provider: ollama, model: llama3 } ]
                  anthropic:
                    - provider: azure
                keys:
                  - name: k
                    key: sk-ingate-k
                    providers: [azure, anthropic]
                """, "c.yaml", Map.of());
        assertThat(c.fallbacks().get("azure")).containsExactly(
                new FallbackEntry("openai", Optional.empty()), new FallbackEntry("ollama", Optional.of("llama3")));
        assertThat(c.fallbacks().get("anthropic")).containsExactly(new FallbackEntry("azure", Optional.empty()));
        assertThat(c.keys().getFirst().providers()).containsExactly("azure", "anthropic");
    }

    @Test
    void loadReadsAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ingate.yaml");
        Files.writeString(file, "\uFEFFdefault_provider: anthropic\nmetrics: { token: abc }\n");
        IngateConfig c = ConfigLoader.load(file, Map.of());
        assertThat(c.defaultProvider()).contains("anthropic");
        assertThat(c.metricsToken()).contains("abc");

        Files.writeString(file, "default_provider: nope\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":1: default_provider: unknown provider \"nope\"");
    }

    @Test
    void loadReportsAMissingFile(@TempDir Path dir) {
        Path file = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": file not found");
    }
}
