package dev.ingate.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.translate.anthropic.AnthropicRequestEncoder;
import dev.ingate.translate.canonical.CanonicalRequest;
import dev.ingate.translate.openai.OpenAiChatRequestDecoder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiToAnthropicRequestTest {

    private static Encoded translate(String fixture, int defaultMaxTokens) {
        return AnthropicRequestEncoder.encode(OpenAiChatRequestDecoder.decode(Fixtures.read("openai/" + fixture)), defaultMaxTokens);
    }

    @ParameterizedTest
    @ValueSource(strings = {"request-plain.json", "request-system.json", "request-images.json", "request-tools.json",
            "request-tool-round-trip.json", "request-reasoning.json"})
    void translatesWithNothingDropped(String fixture) {
        Encoded encoded = translate(fixture, 4096);

        Fixtures.assertSameJson(encoded.json(), "anthropic/from-openai/" + fixture);
        assertThat(encoded.droppedParams()).isEmpty();
    }

    @Test
    void listsTheParametersAnthropicHasNoPlaceFor() {
        Encoded encoded = translate("request-stop-and-dropped.json", 4096);

        Fixtures.assertSameJson(encoded.json(), "anthropic/from-openai/request-stop-and-dropped.json");
        assertThat(encoded.droppedParams()).containsExactly("response_format", "n", "logprobs", "presence_penalty",
                "frequency_penalty", "seed", "logit_bias");
    }

    @Test
    void maxTokensComesFromTheCallerWhenTheRequestHasNone() {
        Encoded encoded = translate("request-system.json", 64000);

        assertThat(Json.parse(encoded.json()).get("max_tokens").intValue()).isEqualTo(64000);
    }

    @Test
    void maxTokensOfTheRequestWinsOverTheDefault() {
        assertThat(Json.parse(translate("request-plain.json", 64000).json()).get("max_tokens").intValue()).isEqualTo(100);
    }

    @Test
    void consecutiveToolMessagesBecomeOneUserTurn() {
        CanonicalRequest request = OpenAiChatRequestDecoder.decode(Fixtures.read("openai/request-tool-round-trip.json"));

        assertThat(request.messages()).hasSize(4);
        assertThat(request.messages().get(2).parts()).hasSize(2);
    }

    @Test
    void aThinkingBudgetThatDoesNotFitUnderMaxTokensIsCut() {
        String json = """
                {"model":"o4-mini","messages":[{"role":"user","content":"hi"}],"reasoning_effort":"high","max_completion_tokens":2000}""";
        Encoded encoded = AnthropicRequestEncoder.encode(OpenAiChatRequestDecoder.decode(json), 4096);

        assertThat(Json.parse(encoded.json()).at("/thinking/budget_tokens").intValue()).isEqualTo(1999);
    }

    @Test
    void thinkingIsDroppedWhenEvenTheMinimumBudgetDoesNotFit() {
        String json = """
                {"model":"o4-mini","messages":[{"role":"user","content":"hi"}],"reasoning_effort":"low","max_completion_tokens":500}""";
        Encoded encoded = AnthropicRequestEncoder.encode(OpenAiChatRequestDecoder.decode(json), 4096);

        assertThat(Json.parse(encoded.json()).has("thinking")).isFalse();
        assertThat(encoded.droppedParams()).isEqualTo(List.of("thinking"));
    }
}
