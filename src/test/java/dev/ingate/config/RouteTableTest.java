package dev.ingate.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteTableTest {

    private static RouteRule rule(String model) {
        return new RouteRule(model, RouteStrategy.PRIORITY, List.of(new RouteTarget("openai", Optional.empty(), 1)));
    }

    @Test
    void exactNamesWinOverGlobsAndGlobsMatchInListedOrder() {
        RouteTable table = RouteTable.of(List.of(rule("claude-*"), rule("claude-3-5-*"), rule("claude-3-5-haiku"), rule("gpt-4o?")));
        assertThat(table.match("claude-3-5-haiku")).map(RouteRule::model).contains("claude-3-5-haiku");
        assertThat(table.match("claude-3-5-sonnet")).as("the first glob listed").map(RouteRule::model).contains("claude-*");
        assertThat(table.match("gpt-4ox")).map(RouteRule::model).contains("gpt-4o?");
        assertThat(table.match("gpt-4o")).isEmpty();
        assertThat(table.match(null)).isEmpty();
        assertThat(table.rules()).extracting(RouteRule::model).containsExactly("claude-*", "claude-3-5-*", "claude-3-5-haiku", "gpt-4o?");
    }

    @Test
    void matchingIsCaseSensitiveAndGlobCharactersOnlyAreSpecial() {
        RouteTable table = RouteTable.of(List.of(rule("fast"), rule("llama3.1:*")));
        assertThat(table.match("FAST")).isEmpty();
        assertThat(table.match("llama3.1:8b")).isPresent();
        assertThat(table.match("llama3x1:8b")).as("'.' is literal").isEmpty();
    }

    @Test
    void emptyAndInvalidTables() {
        assertThat(RouteTable.empty().match("anything")).isEmpty();
        assertThat(RouteTable.of(List.of())).isSameAs(RouteTable.empty());
        assertThat(RouteTable.empty().isEmpty()).isTrue();
        assertThatThrownBy(() -> RouteTable.of(List.of(rule("a"), rule("a")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RouteRule("a", RouteStrategy.WEIGHTED, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RouteTarget("openai", Optional.empty(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
