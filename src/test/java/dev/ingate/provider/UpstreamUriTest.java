package dev.ingate.provider;

import dev.ingate.config.ConfigLoader;
import dev.ingate.config.IngateConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamUriTest {

    private static final String AZURE = """
            providers:
              azure-gpt4:
                type: openai
                base_url: https://myorg.openai.azure.com
                api_key: "${AZURE_KEY}"
                auth_header: api-key
                auth_scheme: ""
                path_prefix: /openai/deployments/gpt-4o
                query_params: { api-version: "2024-02-01" }
                headers: { X-Team: ml }
            """;

    private static Provider provider(String yaml, String name) {
        IngateConfig config = ConfigLoader.parse(yaml, "test.yaml", Map.of("AZURE_KEY", "az-secret"));
        return ProviderCatalog.build(config, Map.of()).get(name);
    }

    @Test
    void azureExampleFromSpecBuildsTheDocumentedUrl() {
        Provider azure = provider(AZURE, "azure-gpt4");
        assertThat(azure.address().origin() + azure.upstreamUri("/v1/chat/completions", null))
                .isEqualTo("https://myorg.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-02-01");
        assertThat(azure.authHeader()).isEqualTo("api-key");
        assertThat(azure.authValue()).contains("az-secret");
    }

    @Test
    void callerQueryFollowsTheProviderQuery() {
        Provider azure = provider(AZURE, "azure-gpt4");
        assertThat(azure.upstreamUri("/v1/chat/completions", "a=1&b=x%20y"))
                .isEqualTo("/openai/deployments/gpt-4o/chat/completions?api-version=2024-02-01&a=1&b=x%20y");
    }

    @Test
    void withoutPrefixThePathIsKeptWholeAfterTheBasePath() {
        Provider p = provider("""
                providers:
                  together: { type: openai, base_url: "https://api.together.xyz/base/" }
                """, "together");
        assertThat(p.upstreamUri("/v1/chat/completions", "x=1")).isEqualTo("/base/v1/chat/completions?x=1");
        assertThat(p.address().tls()).isTrue();
        assertThat(p.address().port()).isEqualTo(443);
    }

    @Test
    void prefixReplacesOnlyALeadingV1Segment() {
        Provider p = provider("""
                providers:
                  p: { base_url: "http://h:81", path_prefix: /x }
                """, "p");
        assertThat(p.upstreamUri("/v1/models", null)).isEqualTo("/x/models");
        assertThat(p.upstreamUri("/v1", null)).isEqualTo("/x");
        assertThat(p.upstreamUri("/v1beta/models", null)).isEqualTo("/x/v1beta/models");
        assertThat(p.upstreamUri("/api/chat", null)).isEqualTo("/x/api/chat");
    }

    @Test
    void builtinsCarryTheirDefaults() {
        Map<String, Provider> providers = ProviderCatalog.build(IngateConfig.empty(), Map.of("OPENAI_API_KEY", "sk-o", "ANTHROPIC_API_KEY", "sk-a"));
        assertThat(providers.get("openai").address().origin()).isEqualTo("https://api.openai.com");
        assertThat(providers.get("openai").authHeader()).isEqualTo("Authorization");
        assertThat(providers.get("openai").authValue()).contains("Bearer sk-o");
        assertThat(providers.get("anthropic").address().origin()).isEqualTo("https://api.anthropic.com");
        assertThat(providers.get("anthropic").authHeader()).isEqualTo("x-api-key");
        assertThat(providers.get("anthropic").authValue()).contains("sk-a");
        assertThat(providers.get("ollama").address().origin()).isEqualTo("http://localhost:11434");
        assertThat(providers.get("ollama").authValue()).isEmpty();
    }
}
