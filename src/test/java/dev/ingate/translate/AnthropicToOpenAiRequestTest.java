package dev.ingate.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.translate.anthropic.AnthropicRequestDecoder;
import dev.ingate.translate.openai.OpenAiChatRequestEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnthropicToOpenAiRequestTest {

    private static Encoded translate(String fixture) {
        return OpenAiChatRequestEncoder.encode(AnthropicRequestDecoder.decode(Fixtures.read("anthropic/" + fixture)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"request-plain.json", "request-system.json", "request-images.json",
            "request-tool-round-trip.json", "request-thinking.json"})
    void translatesWithNothingDropped(String fixture) {
        Encoded encoded = translate(fixture);

        Fixtures.assertSameJson(encoded.json(), "openai/from-anthropic/" + fixture);
        assertThat(encoded.droppedParams()).isEmpty();
    }

    @Test
    void anthropicsOwnToolsAreDroppedAndListed() {
        Encoded encoded = translate("request-tools.json");

        Fixtures.assertSameJson(encoded.json(), "openai/from-anthropic/request-tools.json");
        assertThat(encoded.droppedParams()).containsExactly("tools:web_search_20250305");
    }

    @Test
    void topKIsDroppedAndListed() {
        Encoded encoded = translate("request-stop-and-dropped.json");

        Fixtures.assertSameJson(encoded.json(), "openai/from-anthropic/request-stop-and-dropped.json");
        assertThat(encoded.droppedParams()).containsExactly("top_k");
    }

    @Test
    void aToolResultMarkedAsAnErrorSaysSoInTheDroppedList() {
        String json = """
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":[
                {"type":"tool_result","tool_use_id":"t1","content":"boom","is_error":true}]}]}""";
        Encoded encoded = OpenAiChatRequestEncoder.encode(AnthropicRequestDecoder.decode(json));

        assertThat(Json.parse(encoded.json()).at("/messages/0/content").stringValue()).isEqualTo("boom");
        assertThat(encoded.droppedParams()).containsExactly("tool_result:is_error");
    }
}
