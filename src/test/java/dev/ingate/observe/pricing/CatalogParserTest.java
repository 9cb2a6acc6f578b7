package dev.ingate.observe.pricing;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The reading of the bundled catalog (models arrays found by scan, parsed when asked for) leaves nothing of it out. */
class CatalogParserTest {

    @Test
    void everyProviderAndEveryModelOfTheDataIsThereInItsOrder() throws IOException {
        byte[] data;
        try (InputStream in = PriceCatalog.class.getResourceAsStream(PriceCatalog.RESOURCE)) {
            data = in.readAllBytes();
        }
        JsonNode whole = PriceCatalog.JSON.readTree(data);
        List<CatalogProvider> providers = CatalogParser.parse(PriceCatalog.JSON, data, Clock.systemUTC());

        assertThat(providers).extracting(CatalogProvider::id).containsExactlyElementsOf(ids(whole));
        int models = 0;
        for (int i = 0; i < providers.size(); i++) {
            assertThat(providers.get(i).models()).as(providers.get(i).id()).extracting(ModelPrice::modelId)
                    .containsExactlyElementsOf(ids(whole.get(i).path("models")));
            assertThat(providers.get(i).fallbackProviderIds()).hasSize(whole.get(i).path("fallback_model_providers").size());
            models += providers.get(i).models().size();
        }
        assertThat(models).isGreaterThan(1000);
    }

    @Test
    void modelsAreParsedOnceAndSharedByEveryLookup() {
        List<CatalogProvider> providers = CatalogParser.parse(PriceCatalog.JSON, """
                [{"id": "p", "name": "P", "models": [{"id": "m1", "match": {"equals": "m1"}, "prices": {"input_mtok": 1}}]},
                 {"id": "q", "provider_match": {"contains": "q"}}]
                """.getBytes(), Clock.systemUTC());
        assertThat(providers.get(0).models()).isSameAs(providers.get(0).models());
        assertThat(providers.get(0).model("m1")).isNotNull();
        assertThat(providers.get(1).models()).as("a provider without models").isEmpty();
        assertThat(providers.get(1).name()).isEqualTo("q");
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.get("id").asString()));
        return ids;
    }
}
