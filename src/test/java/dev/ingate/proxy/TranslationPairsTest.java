package dev.ingate.proxy;

import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every caller shape against every provider shape of another kind, streamed and not, with tools and without, through
 * X-Ingate-Translate, against mocks that refuse what the real APIs refuse.
 */
class TranslationPairsTest extends ProxyTestBase {

    @Override
    protected ProxyFixture createFixture() {
        return new ProxyFixture("", "", "", true);
    }

    static List<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (CallerShape caller : CallerShape.values()) {
            for (String provider : List.of("openai", "anthropic", "ollama", "gemini")) {
                if (!provider.equals(nativeProvider(caller))) {
                    pairs.add(Arguments.of(caller, provider, false));
                    pairs.add(Arguments.of(caller, provider, true));
                }
            }
        }
        return pairs;
    }

    private static String nativeProvider(CallerShape caller) {
        return switch (caller) {
            case OPENAI_CHAT -> "openai";
            case ANTHROPIC -> "anthropic";
            case OLLAMA -> "ollama";
            case OPENAI_RESPONSES -> "openai";
            case GEMINI -> "gemini";
        };
    }

    private MockProvider mock(String provider) {
        return switch (provider) {
            case "openai" -> fx.openai;
            case "anthropic" -> fx.anthropic;
            case "gemini" -> fx.gemini;
            default -> fx.ollama;
        };
    }

    @ParameterizedTest(name = "{0} -> {1}, stream {2}")
    @MethodSource("pairs")
    void theAnswerArrivesInTheCallersShape(CallerShape caller, String provider, boolean stream) {
        HttpResponse<String> response = send(postJson(fx.url(), caller.path("some-model", stream), caller.body("some-model", stream))
                .header("Authorization", "Bearer " + IngateUnderTest.KEY)
                .header("X-Ingate-Provider", provider).header("X-Ingate-Translate", "true"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Ingate-Served-By")).contains(provider);
        String text = stream ? caller.streamedText(response.body()) : caller.text(json(response));
        assertThat(text).isEqualTo(MockProvider.REPLY_TEXT);
        MockProvider.Recorded upstream = mock(provider).lastRequest();
        if (provider.equals("gemini")) {
            assertThat(upstream.path()).isEqualTo("/v1beta/models/some-model" + (stream ? ":streamGenerateContent" : ":generateContent"));
        } else {
            assertThat(upstream.json().path("model").asString()).isEqualTo("some-model");
            assertThat(upstream.json().path("stream").asBoolean(false)).isEqualTo(stream);
        }
    }

    /** Tools both ways for every pair: the mock calls the declared tool twice; both calls arrive in the caller's shape. */
    @ParameterizedTest(name = "{0} -> {1}, stream {2}, tools")
    @MethodSource("pairs")
    void parallelToolCallsArriveInTheCallersShape(CallerShape caller, String provider, boolean stream) {
        HttpResponse<String> response = send(postJson(fx.url(), caller.path("some-model", stream), ToolShapes.body(caller, "some-model", stream))
                .header("Authorization", "Bearer " + IngateUnderTest.KEY)
                .header("X-Ingate-Provider", provider).header("X-Ingate-Translate", "true").header("x-mock-parallel-tools", "2"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<ToolShapes.Call> calls = stream ? ToolShapes.streamedCalls(caller, response.body()) : ToolShapes.calls(caller, json(response));
        assertThat(calls).as(response.body()).hasSize(2).allSatisfy(call -> {
            assertThat(call.name()).isEqualTo("get_weather");
            assertThat(call.arguments()).isEqualTo(json("{\"city\":\"x\"}"));
        });
    }
}
