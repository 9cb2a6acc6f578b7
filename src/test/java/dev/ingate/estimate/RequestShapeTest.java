package dev.ingate.estimate;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RequestShapeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RequestShape detect(String body, boolean header) {
        JsonNode node = JSON.readTree(body);
        return RequestShape.detect(node, header);
    }

    @Test
    void openAiChatByDefault() {
        assertThat(detect("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", false)).isEqualTo(RequestShape.OPENAI_CHAT);
        // text parts exist in both APIs: they decide nothing
        assertThat(detect("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/y.png\"}}]}]}", false)).isEqualTo(RequestShape.OPENAI_CHAT);
    }

    @Test
    void anthropicByTopLevelSystem() {
        assertThat(detect("{\"system\":\"Be brief.\",\"messages\":[]}", false)).isEqualTo(RequestShape.ANTHROPIC_MESSAGES);
        assertThat(detect("{\"system\":[{\"type\":\"text\",\"text\":\"Be brief.\"}],\"messages\":[]}", false))
                .isEqualTo(RequestShape.ANTHROPIC_MESSAGES);
    }

    @Test
    void anthropicByItsOwnBlockTypes() {
        for (String type : new String[] {"image", "tool_use", "tool_result"}) {
            assertThat(detect("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"" + type + "\"}]}]}", false))
                    .as(type).isEqualTo(RequestShape.ANTHROPIC_MESSAGES);
        }
    }

    @Test
    void anthropicByTheVersionHeader() {
        assertThat(detect("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", true)).isEqualTo(RequestShape.ANTHROPIC_MESSAGES);
    }

    @Test
    void plainTextAndNothing() {
        assertThat(detect("{\"input\":\"hi\"}", false)).isEqualTo(RequestShape.PLAIN_TEXT);
        assertThat(detect("{\"prompt\":\"hi\"}", false)).isEqualTo(RequestShape.PLAIN_TEXT);
        assertThat(detect("{\"model\":\"gpt-4o\"}", false)).isNull();
    }
}
