package dev.ingate.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseEventsTest {

    private static List<String> read(String text) {
        List<String> events = new ArrayList<>();
        SseEvents.forEach(text, (name, data) -> events.add(name + "|" + data));
        return events;
    }

    @Test
    void namesAndDataOfSeveralEvents() {
        assertThat(read("event: message_start\ndata: {\"a\":1}\n\nevent: ping\ndata: {}\n\n"))
                .containsExactly("message_start|{\"a\":1}", "ping|{}");
    }

    @Test
    void unnamedEventsCommentsAndCrLf() {
        assertThat(read(": keep-alive\r\n\r\ndata: {\"x\":1}\r\n\r\ndata: [DONE]\r\n\r\n"))
                .containsExactly("null|{\"x\":1}", "null|[DONE]");
    }

    @Test
    void multiLineDataIsJoinedAndTheSpaceAfterTheColonIsOptional() {
        assertThat(read("data:{\"a\":\ndata: 1}\n\n")).containsExactly("null|{\"a\":\n1}");
    }

    @Test
    void aLastEventWithoutItsBlankLineStillCounts() {
        assertThat(read("data: tail")).containsExactly("null|tail");
    }
}
