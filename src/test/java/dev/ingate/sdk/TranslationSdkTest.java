package dev.ingate.sdk;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseStreamEvent;
import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official SDKs, translated through Ingate to providers of other shapes whose mocks check requests as strictly
 * as the real APIs (an Anthropic request without max_tokens or with a system-role message is a 400 there): tool
 * calls, parallel ones, tool results sent back, streamed and not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranslationSdkTest {

    private final MockProvider openaiMock = MockProvider.openai().strict();
    private final MockProvider anthropicMock = MockProvider.anthropic().strict();
    private final MockProvider geminiMock = MockProvider.gemini().strict();
    private final MockProvider ollamaMock = MockProvider.ollama().strict();
    private IngateUnderTest ingate;

    @BeforeAll
    void start() {
        ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                providers:
                  openai: { base_url: "%s", api_key: "sk-upstream-openai" }
                  anthropic: { base_url: "%s", api_key: "sk-upstream-anthropic" }
                  gemini: { type: gemini, base_url: "%s", api_key: "gemini-upstream" }
                  ollama: { base_url: "%s" }
                """.formatted(openaiMock.baseUrl(), anthropicMock.baseUrl(), geminiMock.baseUrl(), ollamaMock.baseUrl())));
    }

    @AfterAll
    void stop() {
        openAiClients.values().forEach(OpenAIClient::close);
        anthropicClients.values().forEach(AnthropicClient::close);
        ingate.close();
        openaiMock.close();
        anthropicMock.close();
        geminiMock.close();
        ollamaMock.close();
    }

    @BeforeEach
    void clear() {
        for (MockProvider mock : List.of(openaiMock, anthropicMock, geminiMock, ollamaMock)) {
            mock.reset();
            mock.clearRequests();
        }
    }

    private final Map<String, OpenAIClient> openAiClients = new java.util.HashMap<>();
    private final Map<String, AnthropicClient> anthropicClients = new java.util.HashMap<>();

    private OpenAIClient openai(String provider, boolean parallel) {
        return openAiClients.computeIfAbsent(provider + parallel, k -> newOpenAi(provider, parallel));
    }

    private AnthropicClient anthropic(String provider) {
        return anthropicClients.computeIfAbsent(provider, this::newAnthropic);
    }

    private OpenAIClient newOpenAi(String provider, boolean parallel) {
        OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder().baseUrl(ingate.baseUrl() + "/v1").apiKey(IngateUnderTest.KEY)
                .maxRetries(0).putHeader("X-Ingate-Provider", provider).putHeader("X-Ingate-Translate", "true");
        return (parallel ? builder.putHeader("x-mock-parallel-tools", "2") : builder).build();
    }

    private AnthropicClient newAnthropic(String provider) {
        return AnthropicOkHttpClient.builder().baseUrl(ingate.baseUrl()).apiKey(IngateUnderTest.KEY).maxRetries(0)
                .putHeader("X-Ingate-Provider", provider).putHeader("X-Ingate-Translate", "true").build();
    }

    private static ChatCompletionFunctionTool weatherTool() {
        return ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder().name("get_weather").description("Weather in a city")
                .parameters(FunctionParameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                        .putAdditionalProperty("required", JsonValue.from(List.of("city")))
                        .build())
                .build()).build();
    }

    private static ChatCompletionCreateParams.Builder question() {
        return ChatCompletionCreateParams.builder().model("some-model").addSystemMessage("Answer briefly.")
                .addUserMessage("Weather in Paris?").addTool(weatherTool());
    }

    @ParameterizedTest(name = "OpenAI SDK -> {0}")
    @ValueSource(strings = {"anthropic", "gemini", "ollama"})
    void openAiSdkCallsToolsAndSendsResultsBack(String provider) {
        OpenAIClient client = openai(provider, true);
        {
            ChatCompletion first = client.chat().completions().create(question().build());
            assertThat(first.choices().getFirst().finishReason().asString()).isEqualTo("tool_calls");
            List<ChatCompletionMessageFunctionToolCall> calls = first.choices().getFirst().message().toolCalls().orElseThrow().stream()
                    .map(call -> call.asFunction()).toList();
            assertThat(calls).hasSize(2);
            assertThat(calls).extracting(call -> call.function().name()).containsOnly("get_weather");
            assertThat(calls).extracting(call -> call.function().arguments()).containsOnly("{\"city\":\"x\"}");
            assertThat(calls.get(0).id()).isNotEqualTo(calls.get(1).id());

            ChatCompletionCreateParams.Builder second = question().addMessage(first.choices().getFirst().message());
            for (ChatCompletionMessageFunctionToolCall call : calls) {
                second.addMessage(ChatCompletionToolMessageParam.builder().toolCallId(call.id()).content("18C, cloudy").build());
            }
            ChatCompletion answer = client.chat().completions().create(second.build());
            assertThat(answer.choices().getFirst().message().content()).contains(MockProvider.REPLY_TEXT);
            assertThat(answer.choices().getFirst().finishReason().asString()).isEqualTo("stop");
        }
    }

    @ParameterizedTest(name = "OpenAI SDK stream -> {0}")
    @ValueSource(strings = {"anthropic", "gemini", "ollama"})
    void openAiSdkStreamsParallelToolCalls(String provider) {
        Map<Long, StringBuilder> arguments = new TreeMap<>();
        Map<Long, String> ids = new TreeMap<>();
        List<String> finish = new ArrayList<>();
        OpenAIClient client = openai(provider, true);
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(question().build())) {
            stream.stream().forEach(chunk -> chunk.choices().forEach(choice -> {
                choice.finishReason().ifPresent(reason -> finish.add(reason.asString()));
                choice.delta().toolCalls().ifPresent(list -> list.forEach(call -> {
                    call.id().ifPresent(id -> ids.put(call.index(), id));
                    call.function().flatMap(f -> f.arguments()).ifPresent(a -> arguments.computeIfAbsent(call.index(), i -> new StringBuilder()).append(a));
                }));
            }));
        }
        assertThat(ids).containsOnlyKeys(0L, 1L);
        assertThat(arguments.values()).extracting(StringBuilder::toString).containsExactly("{\"city\":\"x\"}", "{\"city\":\"x\"}");
        assertThat(finish).containsExactly("tool_calls");
    }

    private static Tool anthropicWeatherTool() {
        return Tool.builder().name("get_weather").inputSchema(Tool.InputSchema.builder()
                .properties(Tool.InputSchema.Properties.builder()
                        .putAdditionalProperty("city", com.anthropic.core.JsonValue.from(Map.of("type", "string"))).build())
                .required(List.of("city")).build()).build();
    }

    private static MessageCreateParams.Builder anthropicQuestion() {
        return MessageCreateParams.builder().model("some-model").maxTokens(256).system("Answer briefly.")
                .addUserMessage("Weather in Paris?").addTool(anthropicWeatherTool());
    }

    @ParameterizedTest(name = "Anthropic SDK -> {0}")
    @ValueSource(strings = {"openai", "gemini", "ollama"})
    void anthropicSdkCallsToolsAndSendsResultsBack(String provider) {
        AnthropicClient client = anthropic(provider);
        {
            Message first = client.messages().create(anthropicQuestion().build());
            assertThat(first.stopReason()).contains(StopReason.TOOL_USE);
            List<ToolUseBlock> uses = first.content().stream().filter(ContentBlock::isToolUse).map(ContentBlock::asToolUse).toList();
            assertThat(uses).singleElement().satisfies(use -> {
                assertThat(use.name()).isEqualTo("get_weather");
                assertThat(use._input().toString()).contains("city");
            });
            Message answer = client.messages().create(anthropicQuestion().addMessage(first)
                    .addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(
                            ToolResultBlockParam.builder().toolUseId(uses.getFirst().id()).content("18C, cloudy").build())))
                    .build());
            assertThat(answer.stopReason()).contains(StopReason.END_TURN);
            assertThat(answer.content().getFirst().text().orElseThrow().text()).isEqualTo(MockProvider.REPLY_TEXT);
        }
    }

    @ParameterizedTest(name = "Anthropic SDK stream -> {0}")
    @ValueSource(strings = {"openai", "gemini", "ollama"})
    void anthropicSdkStreamsToolInput(String provider) {
        StringBuilder input = new StringBuilder();
        List<String> kinds = new ArrayList<>();
        AnthropicClient client = anthropic(provider);
        try (com.anthropic.core.http.StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(anthropicQuestion().build())) {
            stream.stream().forEach(event -> {
                event.contentBlockStart().flatMap(start -> start.contentBlock().toolUse()).ifPresent(use -> kinds.add("tool_use:" + use.name()));
                event.contentBlockDelta().flatMap(delta -> delta.delta().inputJson()).ifPresent(json -> input.append(json.partialJson()));
                event.messageDelta().flatMap(delta -> delta.delta().stopReason()).ifPresent(reason -> kinds.add("stop:" + reason.asString()));
                if (event.isMessageStop()) {
                    kinds.add("message_stop");
                }
            });
        }
        assertThat(kinds).containsExactly("tool_use:get_weather", "stop:tool_use", "message_stop");
        assertThat(input.toString()).isEqualTo("{\"city\":\"x\"}");
    }

    private static ResponseCreateParams responsesQuestion() {
        return ResponseCreateParams.builder().model("some-model").instructions("Answer briefly.").input("Weather in Paris?")
                .addTool(FunctionTool.builder().name("get_weather").strict(false)
                        .parameters(FunctionTool.Parameters.builder()
                                .putAdditionalProperty("type", JsonValue.from("object"))
                                .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                                .putAdditionalProperty("required", JsonValue.from(List.of("city"))).build())
                        .build())
                .build();
    }

    /** The anchors' "lost tool calls in the Responses bridge": both calls in the output, streamed and not. */
    @ParameterizedTest(name = "Responses -> {0}")
    @ValueSource(strings = {"anthropic", "gemini", "ollama"})
    void responsesKeepEveryToolCall(String provider) {
        OpenAIClient client = openai(provider, true);
        {
            Response response = client.responses().create(responsesQuestion());
            List<ResponseFunctionToolCall> calls = response.output().stream().flatMap(item -> item.functionCall().stream()).toList();
            assertThat(calls).hasSize(2).extracting(ResponseFunctionToolCall::name).containsOnly("get_weather");
            assertThat(calls).extracting(ResponseFunctionToolCall::arguments).containsOnly("{\"city\":\"x\"}");

            List<ResponseFunctionToolCall> streamedDone = new ArrayList<>();
            List<ResponseFunctionToolCall> completed = new ArrayList<>();
            try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(responsesQuestion())) {
                stream.stream().forEach(event -> {
                    event.outputItemDone().flatMap(done -> done.item().functionCall()).ifPresent(streamedDone::add);
                    event.completed().ifPresent(done -> done.response().output().forEach(item -> item.functionCall().ifPresent(completed::add)));
                });
            }
            assertThat(streamedDone).hasSize(2).extracting(ResponseFunctionToolCall::arguments).containsOnly("{\"city\":\"x\"}");
            assertThat(completed).hasSize(2).extracting(ResponseFunctionToolCall::callId)
                    .containsExactlyElementsOf(streamedDone.stream().map(ResponseFunctionToolCall::callId).toList());
        }
    }

    /** The strict mocks do refuse what the real APIs refuse, so the passing tests above mean something. */
    @org.junit.jupiter.api.Test
    void theStrictMocksRefuseWhatTheRealApisRefuse() {
        var noMaxTokens = dev.ingate.testkit.HttpCalls.send(dev.ingate.testkit.HttpCalls.postJson(ingate.baseUrl(), "/v1/messages",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").header("x-api-key", IngateUnderTest.KEY));
        assertThat(noMaxTokens.statusCode()).isEqualTo(400);
        var systemRole = dev.ingate.testkit.HttpCalls.send(dev.ingate.testkit.HttpCalls.postJson(ingate.baseUrl(), "/v1/messages",
                "{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"system\",\"content\":\"x\"},{\"role\":\"user\",\"content\":\"hi\"}]}")
                .header("x-api-key", IngateUnderTest.KEY));
        assertThat(systemRole.statusCode()).isEqualTo(400);
        assertThat(anthropicMock.requests()).hasSize(2);
    }
}
