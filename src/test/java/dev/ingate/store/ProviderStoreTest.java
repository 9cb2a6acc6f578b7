package dev.ingate.store;

import dev.ingate.config.IngateConfig.FallbackEntry;
import dev.ingate.config.IngateConfig.ProviderEntry;
import dev.ingate.config.Origin;
import dev.ingate.provider.ProviderStore;
import dev.ingate.provider.ProviderStore.SealedSecret;
import dev.ingate.provider.StoredProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderStoreTest extends StoreTestBase {

    private static final Instant T1 = Instant.ofEpochMilli(1_700_000_000_123L);
    private static final Instant T2 = Instant.ofEpochMilli(1_700_000_999_456L);

    private ProviderStore store;

    @BeforeEach
    void openStore() {
        store = Stores.open(database).providers();
    }

    @Test
    void putThenGetKeepsEverySettingAndTheSealedKey() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Team", "ml");
        headers.put("A-Second", "2");
        ProviderEntry settings = new ProviderEntry(Optional.of("openai"), Optional.of("https://myorg.openai.azure.com"), Optional.empty(),
                Optional.of("api-key"), Optional.of(""), Optional.of("/openai/deployments/gpt-4o"),
                Map.of("api-version", "2024-02-01"), headers, Optional.of("api_key"), Optional.of(false));
        byte[] sealed = "sealed-bytes\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        store.put(new StoredProvider("azure-gpt4", settings, Optional.of(sealed), Origin.FILE, "hash-1", T1));

        StoredProvider got = store.get("azure-gpt4").orElseThrow();
        assertThat(got.settings()).isEqualTo(settings);
        assertThat(got.settings().authScheme()).as("an empty scheme is a value, not absence").contains("");
        assertThat(got.settings().headers().keySet()).containsExactly("X-Team", "A-Second");
        assertThat(got.sealedApiKey()).hasValueSatisfying(b -> assertThat(b).isEqualTo(sealed));
        assertThat(got.origin()).isEqualTo(Origin.FILE);
        assertThat(got.fileHash()).isEqualTo("hash-1");
        assertThat(got.updatedAt()).isEqualTo(T1);
    }

    @Test
    void absentFieldsStayAbsent() {
        store.put(provider("ollama", Optional.empty(), Origin.API));
        StoredProvider got = store.get("ollama").orElseThrow();
        assertThat(got.settings()).isEqualTo(emptySettings());
        assertThat(got.sealedApiKey()).isEmpty();
        assertThat(got.fileHash()).isNull();
        assertThat(store.get("nope")).isEmpty();
    }

    @Test
    void putReplacesAndListIsOrderedByName() {
        store.put(provider("openai", Optional.of(new byte[] {1}), Origin.FILE));
        store.put(provider("anthropic", Optional.empty(), Origin.FILE));
        ProviderEntry changed = new ProviderEntry(Optional.of("anthropic"), Optional.of("http://localhost:9"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), Map.of(), Optional.of("passthrough"), Optional.of(true));
        store.put(new StoredProvider("openai", changed, Optional.empty(), Origin.API, null, T2));

        assertThat(store.list()).extracting(StoredProvider::name).containsExactly("anthropic", "openai");
        StoredProvider replaced = store.get("openai").orElseThrow();
        assertThat(replaced.settings()).isEqualTo(changed);
        assertThat(replaced.sealedApiKey()).isEmpty();
        assertThat(replaced.origin()).isEqualTo(Origin.API);
        assertThat(replaced.fileHash()).isNull();
        assertThat(replaced.updatedAt()).isEqualTo(T2);
    }

    @Test
    void refusesAClearTextKeyInTheSettings() {
        ProviderEntry withKey = new ProviderEntry(Optional.empty(), Optional.empty(), Optional.of("sk-live"), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of(), Map.of(), Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> store.put(new StoredProvider("openai", withKey, Optional.empty(), Origin.API, null, T1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("sk-live");
        assertThat(store.list()).isEmpty();
    }

    @Test
    void defaultProviderIsSetReplacedAndCleared() {
        assertThat(store.defaultProvider()).isEmpty();
        store.setDefaultProvider(Optional.of("openai"));
        store.setDefaultProvider(Optional.of("anthropic"));
        assertThat(store.defaultProvider()).contains("anthropic");
        store.setDefaultProvider(Optional.empty());
        assertThat(store.defaultProvider()).isEmpty();
        store.setDefaultProvider(Optional.empty());   // clearing twice is fine
    }

    @Test
    void settingsAreKeptApartFromTheDefaultProvider() {
        store.setSetting("file.default_provider", Optional.of("openai"));
        assertThat(store.setting("file.default_provider")).contains("openai");
        assertThat(store.defaultProvider()).isEmpty();
        store.setSetting("file.default_provider", Optional.empty());
        assertThat(store.setting("file.default_provider")).isEmpty();
    }

    @Test
    void fallbackChainsKeepTheirOrderAndAreReplacedWhole() {
        List<FallbackEntry> chain = List.of(entry("anthropic", "claude-3-5-haiku-latest"), entry("ollama", null), entry("groq", "llama"));
        store.setFallbacks("openai", chain);
        store.setFallbacks("anthropic", List.of(entry("openai", "gpt-4o")));
        assertThat(store.fallbacks()).containsExactly(
                Map.entry("anthropic", List.of(entry("openai", "gpt-4o"))),
                Map.entry("openai", chain));

        store.setFallbacks("openai", List.of(entry("groq", null), entry("anthropic", null)));
        assertThat(store.fallbacks().get("openai")).containsExactly(entry("groq", null), entry("anthropic", null));

        store.setFallbacks("openai", List.of());
        assertThat(store.fallbacks()).containsOnlyKeys("anthropic");
    }

    @Test
    void deleteRemovesTheProviderItsChainAndItsPlaceInOtherChains() {
        store.put(provider("openai", Optional.empty(), Origin.FILE));
        store.put(provider("anthropic", Optional.empty(), Origin.FILE));
        store.setFallbacks("openai", List.of(entry("ollama", null), entry("anthropic", "claude"), entry("groq", null)));
        store.setFallbacks("anthropic", List.of(entry("openai", null)));
        store.setFallbacks("groq", List.of(entry("anthropic", null)));

        assertThat(store.delete("anthropic")).isTrue();

        assertThat(store.get("anthropic")).isEmpty();
        assertThat(store.fallbacks()).containsExactly(Map.entry("openai", List.of(entry("ollama", null), entry("groq", null))));
        assertThat(store.list()).extracting(StoredProvider::name).containsExactly("openai");
        assertThat(store.delete("anthropic")).isFalse();
    }

    @Test
    void resealAllRewritesEveryStoredKeyInOneGo() {
        store.put(provider("a", Optional.of(bytes("old-a")), Origin.FILE));
        store.put(provider("b", Optional.empty(), Origin.FILE));
        store.put(provider("c", Optional.of(bytes("old-c")), Origin.API));

        store.resealAll(s -> new SealedSecret(s.providerName(), bytes("new-" + new String(s.sealed(), StandardCharsets.UTF_8) + "-" + s.providerName())));

        assertThat(store.get("a").orElseThrow().sealedApiKey()).hasValueSatisfying(k -> assertThat(k).isEqualTo(bytes("new-old-a-a")));
        assertThat(store.get("b").orElseThrow().sealedApiKey()).isEmpty();
        assertThat(store.get("c").orElseThrow().sealedApiKey()).hasValueSatisfying(k -> assertThat(k).isEqualTo(bytes("new-old-c-c")));
        assertThat(store.get("a").orElseThrow().updatedAt()).isEqualTo(T1);
    }

    @Test
    void resealAllChangesNothingWhenTheOperatorFailsOnAnyRow() {
        store.put(provider("a", Optional.of(bytes("old-a")), Origin.FILE));
        store.put(provider("b", Optional.of(bytes("old-b")), Origin.FILE));
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> store.resealAll(s -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("wrong master key");
            }
            return new SealedSecret(s.providerName(), bytes("new"));
        })).isInstanceOf(IllegalStateException.class).hasMessage("wrong master key");

        assertThat(calls).hasValue(2);
        assertThat(store.get("a").orElseThrow().sealedApiKey()).hasValueSatisfying(k -> assertThat(k).isEqualTo(bytes("old-a")));
        assertThat(store.get("b").orElseThrow().sealedApiKey()).hasValueSatisfying(k -> assertThat(k).isEqualTo(bytes("old-b")));
        // the connection went back to the pool usable: later writes commit normally
        store.setDefaultProvider(Optional.of("a"));
        assertThat(store.defaultProvider()).contains("a");
    }

    private static StoredProvider provider(String name, Optional<byte[]> sealed, Origin origin) {
        return new StoredProvider(name, emptySettings(), sealed, origin, null, T1);
    }

    private static ProviderEntry emptySettings() {
        return new ProviderEntry(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of(), Map.of(), Optional.empty(), Optional.empty());
    }

    private static FallbackEntry entry(String provider, String model) {
        return new FallbackEntry(provider, Optional.ofNullable(model));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
