package dev.ingate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {

    @ParameterizedTest
    @CsvSource({
            "1024, 1024",
            "100B, 100",
            "512KB, 524288",
            "512K, 524288",
            "512kb, 524288",
            "10MB, 10485760",
            "10M, 10485760",
            "10mb, 10485760",
            "10 MB, 10485760",
            "1GB, 1073741824",
            "2g, 2147483648",
            "1MiB, 1048576",
    })
    void sizes(String text, long bytes) {
        assertThat(Units.parseSize(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MB", "10XB", "1.5MB", "-1", "10 M B", "ten"})
    void invalidSizes(String text) {
        assertThatThrownBy(() -> Units.parseSize(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid size");
    }

    @Test
    void sizeMustBePositiveAndFit() {
        assertThatThrownBy(() -> Units.parseSize("0")).hasMessage("size must be greater than zero");
        assertThatThrownBy(() -> Units.parseSize("0MB")).hasMessage("size must be greater than zero");
        assertThatThrownBy(() -> Units.parseSize("9999999999GB")).hasMessageContaining("too large");
        assertThatThrownBy(() -> Units.parseSize("99999999999999999999")).hasMessageContaining("too large");
    }

    @ParameterizedTest
    @CsvSource({
            "600s, PT10M",
            "600, PT10M",
            "5m, PT5M",
            "1h, PT1H",
            "250ms, PT0.25S",
            "30 s, PT30S",
            "2H, PT2H",
            "30d, PT720H",
    })
    void durations(String text, String iso) {
        assertThat(Units.parseDuration(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "10w", "1.5s", "-5s", "5 minutes", "PT5M"})
    void invalidDurations(String text) {
        assertThatThrownBy(() -> Units.parseDuration(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid duration");
    }

    @Test
    void durationMustBePositiveAndFit() {
        assertThatThrownBy(() -> Units.parseDuration("0s")).hasMessage("duration must be greater than zero");
        assertThatThrownBy(() -> Units.parseDuration("9223372036854775807h")).hasMessageContaining("too large");
    }
}
