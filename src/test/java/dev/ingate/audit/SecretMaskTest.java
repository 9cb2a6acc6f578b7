package dev.ingate.audit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SecretMaskTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void secretsAndCredentialHeadersBecomeStarsAndNothingElseChanges() {
        JsonNode entity = JSON.readTree("""
                {"name":"azure","api_key":"sk-real","base_url":"https://x","headers":{"X-Team":"ml","X-Api-Token":"t0k"},
                 "nested":[{"secret":"s3cret","key":"sk-ingate-abc","sha256":"ab12"}],"api_key_hint":null}""");

        JsonNode masked = SecretMask.mask(entity);

        assertThat(masked).isEqualTo(JSON.readTree("""
                {"name":"azure","api_key":"***","base_url":"https://x","headers":{"X-Team":"ml","X-Api-Token":"***"},
                 "nested":[{"secret":"***","key":"***","sha256":"***"}],"api_key_hint":null}"""));
        assertThat(entity.get("api_key").asString()).as("the original is left alone").isEqualTo("sk-real");
        assertThat(SecretMask.mask(null)).isNull();
    }
}
