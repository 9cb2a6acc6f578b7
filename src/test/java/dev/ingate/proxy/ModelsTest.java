package dev.ingate.proxy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.NotFoundException;
import com.openai.models.models.Model;
import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GET /v1/models: the provider's list (SPEC's path table) with what else Ingate can serve, limited by the caller's key. */
class ModelsTest extends ProxyTestBase {

    private static final String SCOPED = "sk-ingate-scoped0123456789abcdefghijklmnop";

    @Override
    protected ProxyFixture createFixture() throws Exception {
        return new ProxyFixture("", "", "  - { name: team-a, key: \"%s\", providers: [openai], models: [\"gpt-4o*\"] }".formatted(SCOPED));
    }

    private OpenAIClient client(String key) {
        return OpenAIOkHttpClient.builder().baseUrl(fx.url() + "/v1").apiKey(key).maxRetries(0).build();
    }

    @Test
    void theProvidersListComesFirstThenWhatElseIngateCanServeOnce() {
        OpenAIClient openai = client(IngateUnderTest.KEY);
        try {
            List<Model> models = openai.models().list().data();
            assertThat(models.subList(0, 4)).extracting(Model::id)
                    .containsExactly("babbage-002", "gpt-5-nano", "gpt-5-nano-2025-08-07", "text-embedding-3-small");
            assertThat(models).extracting(Model::id).contains("gpt-4o-mini", "claude-3-5-haiku-latest").doesNotHaveDuplicates();
            assertThat(models).filteredOn(model -> model.id().equals("gpt-5-nano")).extracting(Model::ownedBy).containsExactly("system");
            assertThat(models).filteredOn(model -> model.id().equals("gpt-4o-mini")).extracting(Model::ownedBy).containsExactly("openai");
            assertThat(models).filteredOn(model -> model.id().equals("claude-3-5-haiku-latest")).extracting(Model::ownedBy)
                    .containsExactly("anthropic");
            assertThatThrownBy(() -> openai.models().retrieve("no-such-model")).isInstanceOf(NotFoundException.class);
        } finally {
            openai.close();
        }
        assertThat(fx.openai.requests()).extracting(MockProvider.Recorded::path).contains("/v1/models");
    }

    @Test
    void theListIsTheProvidersAnswerAsSpecsPathTableSays() {
        HttpResponse<String> response = send(request(fx.url(), "/v1/models").header("Authorization", "Bearer " + IngateUnderTest.KEY));
        assertThat(response.headers().firstValue("X-Ingate-Served-By")).contains("openai");
        assertThat(response.headers().firstValue("content-length")).isPresent();
    }

    @Test
    void aFailingProviderAnswerPassesAsItCame() {
        fx.openai.enqueue(dev.ingate.testkit.Behaviour.error(401, "Incorrect API key provided"));
        HttpResponse<String> response = send(request(fx.url(), "/v1/models").header("Authorization", "Bearer " + IngateUnderTest.KEY));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).at("/error/message").asString()).isEqualTo("Incorrect API key provided");
    }

    @Test
    void withAProviderHeaderTheProvidersOwnListIsProxied() {
        HttpResponse<String> response = send(request(fx.url(), "/v1/models")
                .header("Authorization", "Bearer " + IngateUnderTest.KEY).header("X-Ingate-Provider", "openai"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Ingate-Served-By")).contains("openai");
        assertThat(fx.openai.lastRequest().path()).isEqualTo("/v1/models");
    }

    @Test
    void withoutAKeyIt401s() {
        assertThat(send(request(fx.url(), "/v1/models")).statusCode()).isEqualTo(401);
    }
}
