package dev.ingate.store;

import dev.ingate.config.Origin;
import dev.ingate.config.RouteRule;
import dev.ingate.config.RouteStrategy;
import dev.ingate.config.RouteTarget;
import dev.ingate.provider.RouteStore;
import dev.ingate.provider.StoredRoute;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RouteStoreTest extends StoreTestBase {

    private static final Instant T1 = Instant.ofEpochMilli(1_700_000_000_123L);
    private static final Instant T2 = Instant.ofEpochMilli(1_700_000_999_456L);

    private RouteStore store;

    @BeforeEach
    void openStore() {
        store = Stores.open(database).routes();
    }

    private static RouteRule rule(String model, RouteStrategy strategy, RouteTarget... targets) {
        return new RouteRule(model, strategy, List.of(targets));
    }

    @Test
    void putThenGetKeepsTheRuleItsTargetsInOrderAndTheBookkeeping() {
        RouteRule fast = rule("fast", RouteStrategy.WEIGHTED,
                new RouteTarget("openai", Optional.of("gpt-4o-mini"), 3),
                new RouteTarget("anthropic", Optional.of("claude-3-5-haiku-latest"), 1),
                new RouteTarget("ollama", Optional.empty(), 1));
        store.put(new StoredRoute(fast, 0, Origin.FILE, "hash-1", T1));

        StoredRoute got = store.get("fast").orElseThrow();
        assertThat(got.rule()).isEqualTo(fast);
        assertThat(got.rule().targets().get(2).model()).as("no model stays no model").isEmpty();
        assertThat(got.position()).isZero();
        assertThat(got.origin()).isEqualTo(Origin.FILE);
        assertThat(got.fileHash()).isEqualTo("hash-1");
        assertThat(got.updatedAt()).isEqualTo(T1);
        assertThat(store.get("slow")).isEmpty();
    }

    @Test
    void globsAndOddModelNamesRoundTrip() {
        for (String model : List.of("claude-*", "gpt-4o?", "openrouter/anthropic/claude-3.5", "llama3.1:8b", "auto", "ünïcode-模型")) {
            store.put(new StoredRoute(rule(model, RouteStrategy.PRIORITY, new RouteTarget("openai", Optional.empty(), 1)), 1, Origin.API, null, T1));
            assertThat(store.get(model)).as(model).map(StoredRoute::model).contains(model);
        }
    }

    @Test
    void putReplacesAndListIsInPositionThenModelOrder() {
        RouteTarget openai = new RouteTarget("openai", Optional.empty(), 1);
        store.put(new StoredRoute(rule("z-api", RouteStrategy.PRIORITY, openai), RouteStore.API_POSITIONS, Origin.API, null, T1));
        store.put(new StoredRoute(rule("b-file", RouteStrategy.PRIORITY, openai), 1, Origin.FILE, "h", T1));
        store.put(new StoredRoute(rule("a-file", RouteStrategy.PRIORITY, openai), 0, Origin.FILE, "h", T1));
        store.put(new StoredRoute(rule("a-api", RouteStrategy.PRIORITY, openai), RouteStore.API_POSITIONS, Origin.API, null, T1));
        assertThat(store.list()).extracting(StoredRoute::model).containsExactly("a-file", "b-file", "a-api", "z-api");

        RouteRule changed = rule("a-file", RouteStrategy.LOWEST_COST, new RouteTarget("anthropic", Optional.of("claude-3-5-haiku-latest"), 2));
        store.put(new StoredRoute(changed, 5, Origin.API, "h", T2));
        StoredRoute replaced = store.get("a-file").orElseThrow();
        assertThat(replaced.rule()).isEqualTo(changed);
        assertThat(replaced.position()).isEqualTo(5);
        assertThat(replaced.origin()).isEqualTo(Origin.API);
        assertThat(replaced.updatedAt()).isEqualTo(T2);
        assertThat(store.list()).hasSize(4);
    }

    @Test
    void insertNeverOverwrites() {
        StoredRoute first = new StoredRoute(rule("m", RouteStrategy.PRIORITY, new RouteTarget("openai", Optional.empty(), 1)), 7, Origin.API, null, T1);
        assertThat(store.insert(first)).isTrue();
        StoredRoute second = new StoredRoute(rule("m", RouteStrategy.WEIGHTED, new RouteTarget("anthropic", Optional.empty(), 1)), 8, Origin.API, null, T2);
        assertThat(store.insert(second)).isFalse();
        assertThat(store.get("m")).contains(first);
    }

    @Test
    void deleteSaysWhetherThereWasOne() {
        store.put(new StoredRoute(rule("m", RouteStrategy.PRIORITY, new RouteTarget("openai", Optional.empty(), 1)), 0, Origin.API, null, T1));
        assertThat(store.delete("m")).isTrue();
        assertThat(store.delete("m")).isFalse();
        assertThat(store.list()).isEmpty();
    }
}
