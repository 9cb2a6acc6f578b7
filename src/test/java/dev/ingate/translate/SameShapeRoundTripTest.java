package dev.ingate.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.translate.anthropic.AnthropicRequestDecoder;
import dev.ingate.translate.anthropic.AnthropicRequestEncoder;
import dev.ingate.translate.openai.OpenAiChatRequestDecoder;
import dev.ingate.translate.openai.OpenAiChatRequestEncoder;
import org.junit.jupiter.api.Test;

/** Parameters without a canonical field survive a trip back to their own shape (fallback to a same-shape provider). */
class SameShapeRoundTripTest {

    @Test
    void openAiOnlyParametersComeBackToOpenAi() {
        Encoded encoded = OpenAiChatRequestEncoder.encode(OpenAiChatRequestDecoder.decode(Fixtures.read("openai/request-stop-and-dropped.json")));

        var json = Json.parse(encoded.json());
        assertThat(json.get("seed").intValue()).isEqualTo(42);
        assertThat(json.get("n").intValue()).isEqualTo(2);
        assertThat(json.at("/logit_bias/50256").intValue()).isEqualTo(-100);
        assertThat(json.at("/response_format/type").stringValue()).isEqualTo("json_object");
        assertThat(encoded.droppedParams()).isEmpty();
    }

    @Test
    void anthropicOnlyParametersAndToolsComeBackToAnthropic() {
        Encoded encoded = AnthropicRequestEncoder.encode(AnthropicRequestDecoder.decode(Fixtures.read("anthropic/request-tools.json")), 4096);

        var json = Json.parse(encoded.json());
        assertThat(json.at("/tools/1/type").stringValue()).isEqualTo("web_search_20250305");
        assertThat(json.at("/tool_choice/disable_parallel_tool_use").booleanValue()).isTrue();
        assertThat(encoded.droppedParams()).isEmpty();
    }

    @Test
    void signedThinkingComesBackToAnthropic() {
        Encoded encoded = AnthropicRequestEncoder.encode(AnthropicRequestDecoder.decode(Fixtures.read("anthropic/request-thinking.json")), 4096);

        var json = Json.parse(encoded.json());
        assertThat(json.at("/messages/1/content/0/type").stringValue()).isEqualTo("thinking");
        assertThat(json.at("/messages/1/content/0/signature").stringValue()).startsWith("EqQBCgIYAhIM");
        assertThat(json.at("/thinking/budget_tokens").intValue()).isEqualTo(10000);
    }
}
