package dev.ingate.translate.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingate.translate.Encoded;
import dev.ingate.translate.Fixtures;
import dev.ingate.translate.Json;
import dev.ingate.translate.ShapeCodec.UpstreamTarget;
import dev.ingate.translate.TranslationException;
import dev.ingate.translate.anthropic.AnthropicRequestEncoder;
import dev.ingate.translate.canonical.CanonicalRequest;
import dev.ingate.translate.canonical.ContentPart;
import dev.ingate.translate.canonical.ToolChoice;
import dev.ingate.translate.openai.OpenAiChatRequestDecoder;
import dev.ingate.translate.openai.OpenAiChatRequestEncoder;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GeminiRequestTest {

    private final GeminiCodec codec = new GeminiCodec();

    @Test
    void theModelAndStreamingComeFromThePath() {
        String body = Fixtures.read("gemini/request-plain.json");

        CanonicalRequest plain = codec.decodeRequest(GeminiFixtures.GENERATE_PATH, body);
        CanonicalRequest streamed = codec.decodeRequest("/v1/models/gemini-2.0-flash-001:streamGenerateContent?alt=sse", body);

        assertThat(plain.model()).isEqualTo("gemini-2.5-flash");
        assertThat(plain.stream()).isFalse();
        assertThat(streamed.model()).isEqualTo("gemini-2.0-flash-001");
        assertThat(streamed.stream()).isTrue();
        assertThat(streamed.streamUsage()).isTrue();
    }

    @Test
    void aPathThatIsNotGenerateContentIsRefused() {
        assertThatThrownBy(() -> codec.decodeRequest("/v1beta/models/gemini-2.5-flash:countTokens", "{}"))
                .isInstanceOf(TranslationException.class);
        assertThatThrownBy(() -> codec.decodeRequest("/v1/chat/completions", "{}")).isInstanceOf(TranslationException.class);
    }

    @Test
    void theUpstreamTargetNamesTheModelAndAsksForSseWhenStreaming() {
        CanonicalRequest request = OpenAiChatRequestDecoder.decode(Fixtures.read("openai/request-plain.json")).withModel("gemini-2.5-pro");
        CanonicalRequest streamed = OpenAiChatRequestDecoder.decode(Fixtures.read("openai/request-reasoning.json")).withModel("gemini-2.5-pro");

        assertThat(codec.upstreamTarget(request)).isEqualTo(new UpstreamTarget("/v1beta/models/gemini-2.5-pro:generateContent", ""));
        assertThat(codec.upstreamTarget(streamed))
                .isEqualTo(new UpstreamTarget("/v1beta/models/gemini-2.5-pro:streamGenerateContent", "alt=sse"));
    }

    @Test
    void theBodyNamesNoModelAndNoStreamFlag() {
        JsonNode body = Json.parse(codec.encodeRequest(OpenAiChatRequestDecoder.decode(Fixtures.read("openai/request-reasoning.json")), 4096).json());

        assertThat(body.has("model")).isFalse();
        assertThat(body.has("stream")).isFalse();
        assertThat(body.has("stream_options")).isFalse();
    }

    @Test
    void idLessCallsGetIdsAndTheirResponsesTheSameOnesInOrder() {
        CanonicalRequest request = codec.decodeRequest(GeminiFixtures.GENERATE_PATH, Fixtures.read("gemini/request-tool-round-trip.json"));

        List<ContentPart> calls = request.messages().get(1).parts();
        List<ContentPart> results = request.messages().get(2).parts();
        assertThat(calls).filteredOn(ContentPart.ToolCall.class::isInstance)
                .extracting(part -> ((ContentPart.ToolCall) part).id()).containsExactly("call_0", "call_1");
        assertThat(results).extracting(part -> ((ContentPart.ToolResult) part).toolCallId()).containsExactly("call_0", "call_1");
    }

    @Test
    void aFunctionResponseNamesTheFunctionOfTheLatestCallWithItsId() {
        String json = """
                {"model":"gpt-4o","messages":[
                 {"role":"user","content":"go"},
                 {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"first","arguments":"{}"}}]},
                 {"role":"tool","tool_call_id":"call_1","content":"one"},
                 {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"second","arguments":"{}"}}]},
                 {"role":"tool","tool_call_id":"call_1","content":"two"},
                 {"role":"tool","tool_call_id":"call_unknown","content":"three"}]}""";
        JsonNode contents = Json.parse(GeminiRequestEncoder.encode(OpenAiChatRequestDecoder.decode(json)).json()).get("contents");

        assertThat(contents.at("/2/parts/0/functionResponse/name").stringValue()).isEqualTo("first");
        assertThat(contents.at("/4/parts/0/functionResponse/name").stringValue()).isEqualTo("second");
        // No call to name it: the id is the only name there is.
        assertThat(contents.at("/4/parts/1/functionResponse/name").stringValue()).isEqualTo("call_unknown");
    }

    @Test
    void failedToolResultsGoAsErrorAndComeBackAsErrors() {
        String anthropic = """
                {"model":"m","max_tokens":10,"messages":[
                 {"role":"user","content":"go"},
                 {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"lookup","input":{}}]},
                 {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"no such city","is_error":true}]}]}""";
        String gemini = GeminiRequestEncoder.encode(dev.ingate.translate.anthropic.AnthropicRequestDecoder.decode(anthropic)).json();

        assertThat(Json.parse(gemini).at("/contents/2/parts/0/functionResponse/response")).isEqualTo(Json.parse("{\"error\":\"no such city\"}"));
        ContentPart.ToolResult back = (ContentPart.ToolResult) GeminiRequestDecoder.decode(GeminiFixtures.GENERATE_PATH, gemini)
                .messages().get(2).parts().getFirst();
        assertThat(back.isError()).isTrue();
        assertThat(back.content()).containsExactly(new ContentPart.Text("no such city"));
    }

    @Test
    void gemini3GetsThePlaceholderSignatureOnTheFirstCallOfHistoryFromElsewhere() {
        CanonicalRequest request = OpenAiChatRequestDecoder.decode(Fixtures.read("openai/request-tool-round-trip.json")).withModel("gemini-3-pro-preview");
        JsonNode parts = Json.parse(GeminiRequestEncoder.encode(request).json()).at("/contents/1/parts");

        assertThat(parts.at("/0/thoughtSignature").stringValue()).isEqualTo("skip_thought_signature_validator");
        assertThat(parts.get(1).has("thoughtSignature")).isFalse();
        // Older models do not check signatures: nothing is added for them.
        JsonNode older = Json.parse(GeminiRequestEncoder.encode(request.withModel("gemini-2.5-flash")).json()).at("/contents/1/parts/0");
        assertThat(older.has("thoughtSignature")).isFalse();
    }

    @Test
    void aGeminiCallersOwnSignatureIsNeverReplaced() {
        CanonicalRequest request = GeminiRequestDecoder.decode("/v1beta/models/gemini-3-pro-preview:generateContent",
                Fixtures.read("gemini/request-tool-round-trip.json"));
        JsonNode parts = Json.parse(GeminiRequestEncoder.encode(request).json()).at("/contents/1/parts");

        assertThat(parts.at("/0/thoughtSignature").stringValue()).isEqualTo("CiQB0e2Kb7ZkPq1fUXb0s4yV3m5n6Q==");
        assertThat(parts.get(1).has("thoughtSignature")).isFalse();
    }

    @Test
    void aToolConfigWithSeveralAllowedFunctionsStaysRawForGeminiAndIsDroppedElsewhere() {
        String json = """
                {"contents":[{"role":"user","parts":[{"text":"hi"}]}],
                 "toolConfig":{"functionCallingConfig":{"mode":"ANY","allowedFunctionNames":["a","b"]}}}""";
        CanonicalRequest request = GeminiRequestDecoder.decode(GeminiFixtures.GENERATE_PATH, json);

        assertThat(request.toolChoice()).isEmpty();
        assertThat(Json.parse(GeminiRequestEncoder.encode(request).json()).get("toolConfig"))
                .isEqualTo(Json.parse("{\"functionCallingConfig\":{\"mode\":\"ANY\",\"allowedFunctionNames\":[\"a\",\"b\"]}}"));
        assertThat(OpenAiChatRequestEncoder.encode(request).droppedParams()).containsExactly("toolConfig");
    }

    @Test
    void toolChoiceModesMapOneToOne() {
        String template = """
                {"contents":[{"role":"user","parts":[{"text":"hi"}]}],"toolConfig":{"functionCallingConfig":{"mode":"%s"}}}""";

        assertThat(GeminiRequestDecoder.decode(GeminiFixtures.GENERATE_PATH, template.formatted("AUTO")).toolChoice()).contains(new ToolChoice.Auto());
        assertThat(GeminiRequestDecoder.decode(GeminiFixtures.GENERATE_PATH, template.formatted("NONE")).toolChoice()).contains(new ToolChoice.None());
        assertThat(GeminiRequestDecoder.decode(GeminiFixtures.GENERATE_PATH, template.formatted("ANY")).toolChoice()).contains(new ToolChoice.Required());
    }

    @Test
    void aSchemaIdentifierIsTakenOutOfToolParameters() {
        String json = """
                {"model":"gpt-4o","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"f",
                 "parameters":{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{},"additionalProperties":false}}}]}""";
        JsonNode declaration = Json.parse(GeminiRequestEncoder.encode(OpenAiChatRequestDecoder.decode(json)).json())
                .at("/tools/0/functionDeclarations/0");

        assertThat(declaration.get("parametersJsonSchema"))
                .isEqualTo(Json.parse("{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}"));
        assertThat(declaration.has("parameters")).isFalse();
    }

    @Test
    void aPositiveThinkingBudgetIsCanonicalThinking() {
        CanonicalRequest request = GeminiRequestDecoder.decode(GeminiFixtures.GENERATE_PATH, Fixtures.read("gemini/request-thinking.json"));

        assertThat(request.thinkingBudget()).contains(10000);
        Encoded anthropic = AnthropicRequestEncoder.encode(request, 4096);
        assertThat(Json.parse(anthropic.json()).at("/thinking/budget_tokens").intValue()).isEqualTo(10000);
    }
}
