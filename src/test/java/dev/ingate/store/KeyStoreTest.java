package dev.ingate.store;

import dev.ingate.config.BudgetPeriod;
import dev.ingate.config.Origin;
import dev.ingate.config.KeyLimits;
import dev.ingate.keys.KeyHash;
import dev.ingate.keys.KeyStore;
import dev.ingate.keys.StoredKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyStoreTest extends StoreTestBase {

    private static final Instant CREATED = Instant.ofEpochMilli(1_700_000_000_000L);

    private KeyStore store;

    @BeforeEach
    void openStore() {
        store = Stores.open(database).keys();
    }

    @Test
    void insertThenGetKeepsEveryField() {
        StoredKey key = new StoredKey("k1", "team-a", "sk-ingate-AbC1", KeyHash.sha256("sk-ingate-AbC1secret"), List.of("openai", "anthropic"),
                List.of("gpt-4o*", "claude-?"), Optional.of(CREATED.plusSeconds(3600)), true, Origin.FILE, CREATED,
                Optional.of(CREATED.plusMillis(5)));
        store.insert(key);

        StoredKey got = store.get("k1").orElseThrow();
        assertThat(got).usingRecursiveComparison().isEqualTo(key);
        assertThat(got.sha256()).isEqualTo(KeyHash.sha256("sk-ingate-AbC1secret"));
        assertThat(store.get("k2")).isEmpty();
    }

    @Test
    void limitsAndBudgetRoundTripAndUpdate() {
        KeyLimits limits = new KeyLimits(600, 200_000, Optional.of(new java.math.BigDecimal("12.345678901")), BudgetPeriod.DAY);
        StoredKey key = new StoredKey("k1", "team-a", "sk-ingate-AbC1", KeyHash.sha256("s"), List.of(), List.of(), Optional.empty(), true,
                Origin.API, CREATED, Optional.empty(), limits);
        store.insert(key);
        assertThat(store.get("k1").orElseThrow().limits()).isEqualTo(new KeyLimits(600, 200_000,
                Optional.of(new java.math.BigDecimal("12.345678901")), BudgetPeriod.DAY));
        assertThat(store.get("k1").orElseThrow().limits().budgetUsd().orElseThrow()).isEqualByComparingTo("12.345678901");

        store.update(new StoredKey("k1", "team-a", "sk-ingate-AbC1", KeyHash.sha256("s"), List.of(), List.of(), Optional.empty(), true,
                Origin.API, CREATED, Optional.empty(), KeyLimits.NONE));
        assertThat(store.get("k1").orElseThrow().limits()).isEqualTo(KeyLimits.NONE);
        store.insert(key("k2", "plain", CREATED));
        assertThat(store.get("k2").orElseThrow().limits()).isEqualTo(KeyLimits.NONE);
    }

    @Test
    void emptyScopesAndNoTimesRoundTrip() {
        StoredKey key = key("k1", "one", CREATED);
        store.insert(key);
        StoredKey got = store.get("k1").orElseThrow();
        assertThat(got.providers()).isEmpty();
        assertThat(got.models()).isEmpty();
        assertThat(got.expiresAt()).isEmpty();
        assertThat(got.lastUsedAt()).isEmpty();
        assertThat(got.enabled()).isTrue();
    }

    @Test
    void listIsInCreationOrder() {
        store.insert(key("late", "late", CREATED.plusSeconds(10)));
        store.insert(key("early", "early", CREATED));
        assertThat(store.list()).extracting(StoredKey::id).containsExactly("early", "late");
    }

    @Test
    void theSameSecretCannotBeStoredTwice() {
        store.insert(key("k1", "one", CREATED));
        StoredKey sameSecret = new StoredKey("k2", "two", "sk-ingate-xx", KeyHash.sha256("secret-k1"), List.of(), List.of(),
                Optional.empty(), true, Origin.API, CREATED, Optional.empty());
        assertThatThrownBy(() -> store.insert(sameSecret)).isInstanceOf(DuplicateException.class);
        assertThatThrownBy(() -> store.insert(key("k1", "again", CREATED)))
                .as("same id, other secret").isInstanceOf(DuplicateException.class);
        assertThat(store.list()).extracting(StoredKey::id).containsExactly("k1");
    }

    @Test
    void updateChangesOnlyTheMutableFields() {
        store.insert(key("k1", "one", CREATED));
        StoredKey changed = new StoredKey("k1", "renamed", "sk-ingate-OTHER", KeyHash.sha256("other"), List.of("openai"), List.of("gpt-*"),
                Optional.of(CREATED.plusSeconds(60)), false, Origin.API, CREATED.plusSeconds(99), Optional.of(CREATED));

        assertThat(store.update(changed)).isTrue();

        StoredKey got = store.get("k1").orElseThrow();
        assertThat(got.name()).isEqualTo("renamed");
        assertThat(got.providers()).containsExactly("openai");
        assertThat(got.models()).containsExactly("gpt-*");
        assertThat(got.expiresAt()).contains(CREATED.plusSeconds(60));
        assertThat(got.enabled()).isFalse();
        // identity, hash, origin and history stay as inserted
        assertThat(got.prefix()).isEqualTo("sk-ingate-k1");
        assertThat(got.sha256()).isEqualTo(KeyHash.sha256("secret-k1"));
        assertThat(got.origin()).isEqualTo(Origin.FILE);
        assertThat(got.createdAt()).isEqualTo(CREATED);
        assertThat(got.lastUsedAt()).isEmpty();

        assertThat(store.update(key("missing", "x", CREATED))).isFalse();
    }

    @Test
    void replaceAlsoChangesTheSecretAndOriginButKeepsTheKeysHistory() {
        store.insert(key("k1", "one", CREATED));
        store.touch(Map.of("k1", CREATED.plusSeconds(5)));
        StoredKey rotated = new StoredKey("k1", "one", "sk-ingate-NEW1", KeyHash.sha256("rotated"), List.of("openai"), List.of(),
                Optional.empty(), true, Origin.API, CREATED.plusSeconds(99), Optional.empty(),
                new KeyLimits(60, 0, Optional.of(java.math.BigDecimal.TEN), BudgetPeriod.DAY));

        assertThat(store.replace(rotated)).isTrue();

        StoredKey got = store.get("k1").orElseThrow();
        assertThat(got.prefix()).isEqualTo("sk-ingate-NEW1");
        assertThat(got.sha256()).isEqualTo(KeyHash.sha256("rotated"));
        assertThat(got.origin()).isEqualTo(Origin.API);
        assertThat(got.providers()).containsExactly("openai");
        assertThat(got.limits().rpm()).isEqualTo(60);
        assertThat(got.limits().budgetPeriod()).isEqualTo(BudgetPeriod.DAY);
        assertThat(got.createdAt()).isEqualTo(CREATED);
        assertThat(got.lastUsedAt()).contains(CREATED.plusSeconds(5));
        assertThat(store.replace(key("missing", "x", CREATED))).isFalse();
    }

    @Test
    void deleteRemovesOnce() {
        store.insert(key("k1", "one", CREATED));
        assertThat(store.delete("k1")).isTrue();
        assertThat(store.delete("k1")).isFalse();
        assertThat(store.get("k1")).isEmpty();
    }

    @Test
    void touchRecordsLastUseInOneBatchAndNeverGoesBack() {
        store.insert(key("k1", "one", CREATED));
        store.insert(key("k2", "two", CREATED));
        store.insert(key("k3", "three", CREATED));
        Map<String, Instant> uses = new LinkedHashMap<>();
        uses.put("k1", CREATED.plusSeconds(5));
        uses.put("k2", CREATED.plusSeconds(7));
        uses.put("unknown", CREATED.plusSeconds(9));

        store.touch(uses);
        store.touch(Map.of("k1", CREATED.plusSeconds(1)));   // an older time from a slower instance
        store.touch(Map.of());

        assertThat(store.get("k1").orElseThrow().lastUsedAt()).contains(CREATED.plusSeconds(5));
        assertThat(store.get("k2").orElseThrow().lastUsedAt()).contains(CREATED.plusSeconds(7));
        assertThat(store.get("k3").orElseThrow().lastUsedAt()).isEmpty();
        assertThat(store.list()).hasSize(3);

        store.touch(Map.of("k1", CREATED.plusSeconds(60)));
        assertThat(store.get("k1").orElseThrow().lastUsedAt()).contains(CREATED.plusSeconds(60));
    }

    private static StoredKey key(String id, String name, Instant created) {
        return new StoredKey(id, name, "sk-ingate-" + id, KeyHash.sha256("secret-" + id), List.of(), List.of(),
                Optional.empty(), true, Origin.FILE, created, Optional.empty());
    }
}
