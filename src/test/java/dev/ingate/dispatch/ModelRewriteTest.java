package dev.ingate.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class ModelRewriteTest {

    private static String rewrite(String json, String model) {
        return ModelRewrite.withModel(Buffer.buffer(json), model).toString();
    }

    @Test
    void replacesOnlyTheTopLevelModelAndKeepsEveryOtherByte() {
        String body = "{ \"messages\":[{\"role\":\"user\",\"content\":\"hi\",\"model\":\"inner\"}],\n  \"model\" : \"gpt-4o\", \"x\":{\"sig\":\"Zm9v==\"}}";
        assertThat(rewrite(body, "claude-3-5-haiku-latest")).isEqualTo(
                "{ \"messages\":[{\"role\":\"user\",\"content\":\"hi\",\"model\":\"inner\"}],\n  \"model\" : \"claude-3-5-haiku-latest\", \"x\":{\"sig\":\"Zm9v==\"}}");
    }

    @Test
    void escapesTheNewModelAndHandlesEscapesInTheOldOne() {
        assertThat(rewrite("{\"model\":\"a\\\"b\\u00e9\",\"n\":1}", "x\"y")).isEqualTo("{\"model\":\"x\\\"y\",\"n\":1}");
    }

    @Test
    void keepsMultiByteTextBeforeTheModelIntact() {
        assertThat(rewrite("{\"content\":\"héllo ✓\",\"model\":\"m\"}", "n")).isEqualTo("{\"content\":\"héllo ✓\",\"model\":\"n\"}");
    }

    @Test
    void leavesBodiesWithoutAStringModelAlone() {
        assertThat(rewrite("{\"model\":null,\"a\":1}", "x")).isEqualTo("{\"model\":null,\"a\":1}");
        assertThat(rewrite("[1,2]", "x")).isEqualTo("[1,2]");
        assertThat(rewrite("{\"a\":{\"model\":\"deep\"}}", "x")).isEqualTo("{\"a\":{\"model\":\"deep\"}}");
    }
}
