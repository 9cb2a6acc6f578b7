package dev.ingate.e2e;

import dev.ingate.testkit.Poll;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.ingate.testkit.Behaviour;
import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The translation bugs the anchors' trackers are full of, each driven through a running Ingate with the official
 * OpenAI SDK in front and Anthropic's recorded wire bytes behind: streamed tool arguments dropped, parallel tool
 * calls mis-indexed, cached tokens counted twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnchorBugsTest {

    private static final String ADMIN_TOKEN = "e2e-anchor-bugs-admin";

    private MockProvider anthropic;
    private MockProvider openaiMock;
    private IngateUnderTest ingate;
    private OpenAIClient openai;
    private AdminClient admin;

    @BeforeAll
    void start() {
        anthropic = MockProvider.anthropic();
        openaiMock = MockProvider.openai();
        ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                providers:
                  openai: { base_url: "%s" }
                  anthropic: { base_url: "%s" }
                """.formatted(openaiMock.baseUrl(), anthropic.baseUrl())), Map.of("INGATE_ADMIN_TOKEN", ADMIN_TOKEN), null);
        openai = OpenAIOkHttpClient.builder().baseUrl(ingate.baseUrl() + "/v1").apiKey(IngateUnderTest.KEY).maxRetries(0)
                .putHeader("X-Ingate-Provider", "anthropic").putHeader("X-Ingate-Translate", "true").build();
        admin = new AdminClient(ingate, ADMIN_TOKEN);
    }

    @AfterAll
    void stop() {
        openai.close();
        ingate.close();
        anthropic.close();
        openaiMock.close();
    }

    @BeforeEach
    void clear() {
        anthropic.reset();
        anthropic.clearRequests();
    }

    private static String fixture(String name) {
        try (InputStream in = AnchorBugsTest.class.getResourceAsStream("/fixtures/translate/anthropic/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> events(String sse) {
        return Arrays.stream(sse.split("\n\n")).filter(event -> !event.isBlank()).map(event -> event.strip() + "\n\n").toList();
    }

    private static ChatCompletionCreateParams weatherQuestion() {
        return ChatCompletionCreateParams.builder().model("claude-sonnet-4-20250514").maxCompletionTokens(512)
                .addUserMessage("Weather in San Francisco and New York?")
                .addTool(com.openai.models.chat.completions.ChatCompletionFunctionTool.builder()
                        .function(com.openai.models.FunctionDefinition.builder().name("get_weather")
                                .parameters(com.openai.models.FunctionParameters.builder()
                                        .putAdditionalProperty("type", com.openai.core.JsonValue.from("object")).build())
                                .build())
                        .build())
                .build();
    }

    /** Fragments of two tool calls' arguments, each split mid-token upstream, must all arrive and under the right call. */
    @Test
    void streamedToolArgumentsArriveWholeUnderTheirOwnParallelIndexes() {
        anthropic.enqueue(Behaviour.sse(events(fixture("stream-parallel-tools.sse")), Duration.ZERO));
        Map<Long, StringBuilder> argumentsByIndex = new TreeMap<>();
        Map<Long, String> idsByIndex = new TreeMap<>();
        List<String> finishReasons = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = openai.chat().completions().createStreaming(weatherQuestion())) {
            stream.stream().forEach(chunk -> chunk.choices().forEach(choice -> {
                choice.finishReason().ifPresent(reason -> finishReasons.add(reason.asString()));
                choice.delta().toolCalls().ifPresent(calls -> calls.forEach(call -> {
                    call.id().ifPresent(id -> idsByIndex.put(call.index(), id));
                    call.function().flatMap(f -> f.arguments()).ifPresent(fragment ->
                            argumentsByIndex.computeIfAbsent(call.index(), i -> new StringBuilder()).append(fragment));
                }));
            }));
        }
        assertThat(idsByIndex).containsExactly(Map.entry(0L, "toolu_01T1x1fJ34qAmk2tNTrN7Up6"), Map.entry(1L, "toolu_01Q2w2gK45rBnl3uOUsO8Vq7"));
        assertThat(argumentsByIndex.get(0L).toString()).isEqualTo("{\"location\": \"San Francisco, CA\", \"unit\": \"celsius\"}");
        assertThat(argumentsByIndex.get(1L).toString()).isEqualTo("{\"location\": \"New York, NY\"}");
        assertThat(finishReasons).containsExactly("tool_calls");
        JsonNode sent = anthropic.lastRequest().json();
        assertThat(sent.at("/tools/0/name").asString()).isEqualTo("get_weather");
        assertThat(sent.at("/tools/0/input_schema/type").asString()).isEqualTo("object");
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(512);
    }

    /** Anthropic's input excludes cached tokens, OpenAI's prompt_tokens includes them: each counted exactly once. */
    @Test
    void cachedTokensAreCountedOnceInTheAnswerAndInTheRecord() {
        anthropic.enqueue(Behaviour.json(200, fixture("response-cached.json")));
        ChatCompletion completion = openai.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("claude-sonnet-4-20250514").addUserMessage("Where is the reset button?")
                .putAdditionalHeader("X-Ingate-Session-Id", "anchor-cache").build());
        var usage = completion.usage().orElseThrow();
        assertThat(usage.promptTokens()).isEqualTo(21 + 188086 + 4096);
        assertThat(usage.completionTokens()).isEqualTo(393);
        assertThat(usage.totalTokens()).isEqualTo(21 + 188086 + 4096 + 393);
        assertThat(usage.promptTokensDetails().orElseThrow().cachedTokens()).contains(4096L);

        JsonNode record = Poll.until("the record", Duration.ofSeconds(10),
                () -> admin.records(Map.of("session", "anchor-cache")), list -> !list.isEmpty()).getFirst();
        assertThat(record.path("provider").asString()).isEqualTo("anthropic");
        assertThat(record.path("cached_input_tokens").asLong()).isEqualTo(4096);
        assertThat(record.path("output_tokens").asLong()).isEqualTo(393);
        long input = record.path("input_tokens").asLong();
        assertThat(input).as("input either with or without the cache, never the cache twice").isIn(21L, 21L + 188086, 21L + 188086 + 4096);
        assertThat(record.path("cost_usd").isNull()).isFalse();
    }
}
