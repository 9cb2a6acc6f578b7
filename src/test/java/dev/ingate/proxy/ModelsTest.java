package dev.ingate.proxy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.NotFoundException;
import com.openai.models.models.Model;
import dev.ingate.testkit.IngateUnderTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GET /v1/models lists what Ingate can serve, in OpenAI's shape, limited by the caller's key. */
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
    void theSdkListsEveryProvidersModelsOnceWithItsOwner() {
        OpenAIClient openai = client(IngateUnderTest.KEY);
        try {
            List<Model> models = openai.models().list().data();
            assertThat(models).extracting(Model::id).contains("gpt-4o-mini", "gpt-4o", "claude-3-5-haiku-latest").doesNotHaveDuplicates();
            assertThat(models).filteredOn(model -> model.id().equals("gpt-4o-mini")).extracting(Model::ownedBy).containsExactly("openai");
            assertThat(models).filteredOn(model -> model.id().startsWith("claude-")).extracting(Model::ownedBy).containsOnly("anthropic");
            assertThat(openai.models().retrieve("gpt-4o").ownedBy()).isEqualTo("openai");
            assertThatThrownBy(() -> openai.models().retrieve("no-such-model")).isInstanceOf(NotFoundException.class);
        } finally {
            openai.close();
        }
        assertThat(fx.openai.requests()).as("answered by Ingate").isEmpty();
    }

    @Test
    void aScopedKeySeesOnlyWhatItMayUse() {
        JsonNode list = json(send(request(fx.url(), "/v1/models").header("Authorization", "Bearer " + SCOPED)));
        assertThat(list.path("object").asString()).isEqualTo("list");
        assertThat(list.path("data").size()).isPositive();
        for (JsonNode model : list.path("data")) {
            assertThat(model.path("id").asString()).startsWith("gpt-4o");
            assertThat(model.path("owned_by").asString()).isEqualTo("openai");
        }
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
