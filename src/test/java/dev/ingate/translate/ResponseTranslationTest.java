package dev.ingate.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.translate.anthropic.AnthropicResponseDecoder;
import dev.ingate.translate.anthropic.AnthropicResponseEncoder;
import dev.ingate.translate.canonical.CanonicalResponse;
import dev.ingate.translate.canonical.StopReason;
import dev.ingate.translate.canonical.Usage;
import dev.ingate.translate.openai.OpenAiChatResponseDecoder;
import dev.ingate.translate.openai.OpenAiChatResponseEncoder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseTranslationTest {

    private static final Clock NEW_YEAR = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final OpenAiChatResponseEncoder openAi = new OpenAiChatResponseEncoder(NEW_YEAR);

    @ParameterizedTest
    @ValueSource(strings = {"response-cached.json", "response-parallel-tools.json"})
    void openAiToAnthropic(String fixture) {
        Encoded encoded = AnthropicResponseEncoder.encode(OpenAiChatResponseDecoder.decode(Fixtures.read("openai/" + fixture)));

        Fixtures.assertSameJson(encoded.json(), "anthropic/from-openai/" + fixture);
        assertThat(encoded.droppedParams()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"response-cached.json", "response-thinking-tools.json"})
    void anthropicToOpenAi(String fixture) {
        Encoded encoded = openAi.encode(AnthropicResponseDecoder.decode(Fixtures.read("anthropic/" + fixture)));

        Fixtures.assertSameJson(encoded.json(), "openai/from-anthropic/" + fixture);
        assertThat(encoded.droppedParams()).isEmpty();
    }

    /** OpenAI's prompt_tokens includes the cached ones; counting them again as cache reads would bill them twice. */
    @Test
    void cachedOpenAiTokensAreNotCountedTwice() {
        Usage usage = OpenAiChatResponseDecoder.decode(Fixtures.read("openai/response-cached.json")).usage();

        assertThat(usage).isEqualTo(new Usage(86, 1920, 0, 300));
        assertThat(usage.promptTokensIncludingCache()).isEqualTo(2006);
    }

    /** Anthropic's input_tokens excludes cache reads and writes; OpenAI's prompt_tokens must include both. */
    @Test
    void anthropicCacheTokensAreAddedIntoPromptTokens() {
        var usage = Json.parse(openAi.encode(AnthropicResponseDecoder.decode(Fixtures.read("anthropic/response-cached.json"))).json()).get("usage");

        assertThat(usage.get("prompt_tokens").longValue()).isEqualTo(21 + 188086 + 4096);
        assertThat(usage.at("/prompt_tokens_details/cached_tokens").longValue()).isEqualTo(4096);
        assertThat(usage.get("completion_tokens").longValue()).isEqualTo(393);
        assertThat(usage.get("total_tokens").longValue()).isEqualTo(21 + 188086 + 4096 + 393);
    }

    @Test
    void usageSurvivesAnOpenAiRoundTripThroughAnthropicUnchanged() {
        CanonicalResponse viaAnthropic = AnthropicResponseDecoder.decode(
                AnthropicResponseEncoder.encode(OpenAiChatResponseDecoder.decode(Fixtures.read("openai/response-cached.json"))).json());
        var usage = Json.parse(openAi.encode(viaAnthropic).json()).get("usage");

        assertThat(usage.get("prompt_tokens").longValue()).isEqualTo(2006);
        assertThat(usage.at("/prompt_tokens_details/cached_tokens").longValue()).isEqualTo(1920);
        assertThat(usage.get("total_tokens").longValue()).isEqualTo(2306);
    }

    @Test
    void aStopSequenceEndsAsOpenAiStopAndIsKeptForAnthropic() {
        CanonicalResponse response = AnthropicResponseDecoder.decode(Fixtures.read("anthropic/response-stop-sequence.json"));

        assertThat(response.stopReason()).isEqualTo(StopReason.STOP_SEQUENCE);
        assertThat(response.stopSequence()).contains("7");
        assertThat(Json.parse(openAi.encode(response).json()).at("/choices/0/finish_reason").stringValue()).isEqualTo("stop");
        var back = Json.parse(AnthropicResponseEncoder.encode(response).json());
        assertThat(back.get("stop_reason").stringValue()).isEqualTo("stop_sequence");
        assertThat(back.get("stop_sequence").stringValue()).isEqualTo("7");
    }

    @Test
    void finishReasonsMapBothWays() {
        String template = """
                {"id":"x","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"a"},"finish_reason":"%s"}]}""";
        assertThat(OpenAiChatResponseDecoder.decode(template.formatted("length")).stopReason()).isEqualTo(StopReason.MAX_TOKENS);
        assertThat(OpenAiChatResponseDecoder.decode(template.formatted("content_filter")).stopReason()).isEqualTo(StopReason.CONTENT_FILTER);
        var anthropic = Json.parse(AnthropicResponseEncoder.encode(OpenAiChatResponseDecoder.decode(template.formatted("length"))).json());
        assertThat(anthropic.get("stop_reason").stringValue()).isEqualTo("max_tokens");
    }

    @Test
    void anOpenAiCreatedTimeIsKept() {
        var json = Json.parse(openAi.encode(OpenAiChatResponseDecoder.decode(Fixtures.read("openai/response-cached.json"))).json());

        assertThat(json.get("created").longValue()).isEqualTo(1755137737L);
    }
}
