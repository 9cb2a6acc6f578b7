package dev.ingate.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.translate.anthropic.AnthropicMessagesCodec;
import dev.ingate.translate.canonical.Shape;
import dev.ingate.translate.canonical.Signatures;
import dev.ingate.translate.gemini.GeminiCodec;
import org.junit.jupiter.api.Test;

/** A thinking signature reaches only the vendor that made it, through a client of any shape and back. */
class SignaturesTest {

    @Test
    void eachVendorGetsItsOwnSignaturesUntaggedAndNobodyElses() {
        String gemini = Signatures.fromWire(Shape.GEMINI, "Q2lRQg==");
        String anthropic = Signatures.fromWire(Shape.ANTHROPIC_MESSAGES, "EqQBCg==");
        assertThat(gemini).isEqualTo("gemini:Q2lRQg==");
        assertThat(anthropic).isEqualTo("EqQBCg==");
        assertThat(Signatures.forUpstream(Shape.GEMINI, gemini)).isEqualTo("Q2lRQg==");
        assertThat(Signatures.forUpstream(Shape.ANTHROPIC_MESSAGES, gemini)).isEmpty();
        assertThat(Signatures.forUpstream(Shape.GEMINI, anthropic)).isEmpty();
        assertThat(Signatures.forClient(Shape.ANTHROPIC_MESSAGES, gemini)).isEqualTo("gemini:Q2lRQg==");
        assertThat(Signatures.forClient(Shape.GEMINI, anthropic)).isEqualTo("anthropic:EqQBCg==");
        assertThat(Signatures.fromWire(Shape.GEMINI, "anthropic:EqQBCg==")).isEqualTo(anthropic);
        assertThat(Signatures.fromWire(Shape.OPENAI_CHAT, "whatever")).isEmpty();
    }

    @Test
    void anAnthropicClientCarriesAGeminiSignatureBackToGeminiAndNotToAnthropic() {
        String fromGemini = """
                {"candidates":[{"content":{"role":"model","parts":[{"functionCall":{"name":"get_weather","args":{"city":"Paris"}},
                "thoughtSignature":"Q2lRQg=="}]},"finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":5,"candidatesTokenCount":3},
                "modelVersion":"gemini-2.5-flash","responseId":"r1"}""";
        GeminiCodec gemini = new GeminiCodec();
        AnthropicMessagesCodec anthropic = new AnthropicMessagesCodec();
        String toClient = anthropic.encodeResponse(gemini.decodeResponse(fromGemini), null).json();
        assertThat(toClient).contains("\"signature\":\"gemini:Q2lRQg==\"");

        String assistantContent = Json.parse(toClient).path("content").toString();
        String nextTurn = """
                {"model":"m","max_tokens":100,"messages":[{"role":"user","content":"Weather?"},
                {"role":"assistant","content":%s},
                {"role":"user","content":[{"type":"tool_result","tool_use_id":"%s","content":"18C"}]}]}"""
                .formatted(assistantContent, Json.parse(toClient).at("/content/1/id").asString());
        var request = anthropic.decodeRequest("/v1/messages", nextTurn);
        assertThat(gemini.encodeRequest(request, 4096).json()).contains("\"thoughtSignature\":\"Q2lRQg==\"").doesNotContain("gemini:");
        assertThat(anthropic.encodeRequest(request, 4096).json()).doesNotContain("Q2lRQg==");
    }
}
