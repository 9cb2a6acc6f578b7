package dev.ingate.proxy;

import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;

/**
 * Four mock providers (OpenAI, Anthropic, Ollama, Gemini) and an Ingate in front of them, with the built-in
 * providers pointed at the mocks and a few custom providers that exercise every provider setting.
 */
final class ProxyFixture implements AutoCloseable {

    static final String OPENAI_UPSTREAM_KEY = "sk-openai-upstream-secret";
    static final String ANTHROPIC_UPSTREAM_KEY = "sk-ant-upstream-secret";
    static final String AZURE_UPSTREAM_KEY = "azure-upstream-secret";

    final MockProvider openai = MockProvider.openai();
    final MockProvider anthropic = MockProvider.anthropic();
    final MockProvider ollama = MockProvider.ollama();
    final MockProvider gemini = MockProvider.gemini();
    final IngateUnderTest ingate;

    ProxyFixture(String topLevelYaml) {
        this(topLevelYaml, "", "");
    }

    /**
     * @param topLevelYaml  extra top-level sections (server:, default_provider:)
     * @param providersYaml extra providers, each indented by two spaces
     * @param keysYaml      extra gateway keys, each a "  - {...}" line
     */
    ProxyFixture(String topLevelYaml, String providersYaml, String keysYaml) {
        this(topLevelYaml, providersYaml, keysYaml, false);
    }

    /** @param strict the mocks refuse what the real APIs refuse (see {@link MockProvider#strict()}) */
    ProxyFixture(String topLevelYaml, String providersYaml, String keysYaml, boolean strict) {
        if (strict) {
            openai.strict();
            anthropic.strict();
            ollama.strict();
            gemini.strict();
        }
        ingate = IngateUnderTest.start("""
                keys:
                  - { name: test, key: "%7$s" }
                %8$s
                providers:
                  openai: { base_url: "%1$s", api_key: "%4$s" }
                  anthropic: { base_url: "%2$s", api_key: "%5$s" }
                  ollama: { base_url: "%3$s" }
                  gemini: { type: gemini, base_url: "%11$s", api_key: "gemini-upstream-secret" }
                  azure-gpt4:
                    type: openai
                    base_url: "%1$s"
                    api_key: "%6$s"
                    auth_header: api-key
                    auth_scheme: ""
                    path_prefix: /openai/deployments/gpt-4o
                    query_params: { api-version: "2024-02-01" }
                    headers: { X-Team: ml }
                  together: { type: openai, base_url: "%1$s", auth_mode: passthrough }
                  claude-proxy: { type: anthropic, base_url: "%2$s", auth_mode: passthrough }
                  switched-off: { type: openai, base_url: "%1$s", enabled: false }
                %9$s
                %10$s
                """.formatted(openai.baseUrl(), anthropic.baseUrl(), ollama.baseUrl(),
                OPENAI_UPSTREAM_KEY, ANTHROPIC_UPSTREAM_KEY, AZURE_UPSTREAM_KEY, IngateUnderTest.KEY,
                keysYaml.stripTrailing(), withMockUrls(providersYaml).stripTrailing(), withMockUrls(topLevelYaml).stripTrailing(),
                gemini.baseUrl()));
    }

    /** Extra providers may point at the mocks: {@code {openai_mock}}, {@code {anthropic_mock}}, {@code {ollama_mock}}. */
    private String withMockUrls(String yaml) {
        return yaml.replace("{openai_mock}", openai.baseUrl()).replace("{anthropic_mock}", anthropic.baseUrl())
                .replace("{ollama_mock}", ollama.baseUrl());
    }

    String url() {
        return ingate.baseUrl();
    }

    void clear() {
        openai.reset();
        anthropic.reset();
        ollama.reset();
        gemini.reset();
        openai.clearRequests();
        anthropic.clearRequests();
        ollama.clearRequests();
        gemini.clearRequests();
    }

    @Override
    public void close() {
        ingate.close();
        openai.close();
        anthropic.close();
        ollama.close();
        gemini.close();
    }
}
