package dev.ingate.observe.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MatchClauseTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static MatchClause clause(String json) {
        JsonNode node = JSON.readTree(json);
        return MatchClause.compile(node);
    }

    private static boolean matches(String json, String text) {
        return clause(json).matches(MatchClause.normalize(text));
    }

    @Test
    void literalClausesCompareCaseInsensitively() {
        assertThat(matches("{\"equals\":\"GLM-4.5\"}", "glm-4.5")).isTrue();
        assertThat(matches("{\"equals\":\"gpt-4o\"}", "gpt-4o-mini")).isFalse();
        assertThat(matches("{\"starts_with\":\"claude-3-5-sonnet\"}", "Claude-3-5-Sonnet-20241022")).isTrue();
        assertThat(matches("{\"starts_with\":\"claude-3-5-sonnet\"}", "anthropic.claude-3-5-sonnet")).isFalse();
        assertThat(matches("{\"ends_with\":\"-instruct\"}", "llama-3-8b-instruct")).isTrue();
        assertThat(matches("{\"contains\":\"bedrock\"}", "my-bedrock-eu")).isTrue();
        assertThat(matches("{\"contains\":\"bedrock\"}", "anthropic")).isFalse();
    }

    @Test
    void regexSearchesAnywhereAndKeepsItsOwnAnchors() {
        // genai-prices uses Python's re.search: unanchored unless the pattern anchors itself
        assertThat(matches("{\"regex\":\"(?:mi|code|dev|magi|mini)stral\"}", "codestral-latest")).isTrue();
        assertThat(matches("{\"regex\":\"(?:mi|code|dev|magi|mini)stral\"}", "open-mistral-7b")).isTrue();
        assertThat(matches("{\"regex\":\"^o[134]\"}", "o3-mini")).isTrue();
        assertThat(matches("{\"regex\":\"^o[134]\"}", "gpt-o3")).isFalse();
        assertThat(matches("{\"regex\":\"^grok-4\\\\.3-\\\\d{8}$\"}", "grok-4.3-20260101")).isTrue();
        assertThat(matches("{\"regex\":\"^grok-4\\\\.3-\\\\d{8}$\"}", "grok-4.3-2026")).isFalse();
    }

    @Test
    void orAndNest() {
        String json = """
                {"or": [{"equals": "together-ai"},
                        {"and": [{"contains": "huggingface"}, {"contains": "groq"}]}]}""";
        assertThat(matches(json, "together-ai")).isTrue();
        assertThat(matches(json, "huggingface_groq")).isTrue();
        assertThat(matches(json, "groq")).isFalse();
        assertThat(matches(json, "huggingface")).isFalse();
    }

    @Test
    void absentClauseMatchesNothingAndUnknownOnesAreRejected() {
        assertThat(MatchClause.compile(null).matches("anything")).isFalse();
        assertThatThrownBy(() -> clause("{\"glob\":\"gpt-*\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clause("{\"equals\":\"a\",\"contains\":\"b\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void normalizeTrimsAndLowerCases() {
        assertThat(MatchClause.normalize("  GPT-4o ")).isEqualTo("gpt-4o");
        assertThat(MatchClause.normalize(null)).isEmpty();
    }
}
