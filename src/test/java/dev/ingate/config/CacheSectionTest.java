package dev.ingate.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CacheSectionTest {

    private static IngateConfig parse(String yaml) {
        return ConfigLoader.parse(yaml, "config.yaml", Map.of());
    }

    @Test
    void offByDefault() {
        assertThat(parse("default_provider: openai\n").cache()).isEqualTo(CacheSettings.defaults());
        assertThat(IngateConfig.empty().cache().enabled()).isFalse();
        assertThat(CacheSettings.defaults().maxSizeBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(CacheSettings.defaults().shared()).isFalse();
    }

    @Test
    void everySetting() {
        CacheSettings c = parse("cache: { enabled: true, ttl: 60s, max_size: 64MB, max_entry_size: 1MB, scope: global }\n").cache();
        assertThat(c).isEqualTo(new CacheSettings(true, Duration.ofSeconds(60), 64L * 1024 * 1024, 1024 * 1024, true));
        assertThat(parse("cache: { scope: key }\n").cache().shared()).isFalse();
    }

    @Test
    void mistakesNameTheirLine() {
        assertThatThrownBy(() -> parse("cache:\n  scope: team\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cache.scope").hasMessageContaining("key or global").hasMessageContaining(":2");
        assertThatThrownBy(() -> parse("cache:\n  ttl: 0s\n")).isInstanceOf(ConfigException.class).hasMessageContaining("cache.ttl");
        assertThatThrownBy(() -> parse("cache:\n  maxsize: 1MB\n")).isInstanceOf(ConfigException.class).hasMessageContaining("maxsize");
    }
}
