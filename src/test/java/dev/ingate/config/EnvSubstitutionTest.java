package dev.ingate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class EnvSubstitutionTest {

    private static final Map<String, String> ENV = Map.of("HOST", "example.com", "EMPTY", "", "PORT", "8443");

    private static String sub(String raw) {
        return EnvSubstitution.apply(raw, ENV).value();
    }

    @Test
    void replacesVariables() {
        assertThat(sub("https://${HOST}:${PORT}/x")).isEqualTo("https://example.com:8443/x");
        assertThat(sub("no vars $ here")).isEqualTo("no vars $ here");
    }

    @Test
    void defaultsApplyWhenUnsetOrEmpty() {
        assertThat(sub("${MISSING:-fallback}")).isEqualTo("fallback");
        assertThat(sub("${EMPTY:-fallback}")).isEqualTo("fallback");
        assertThat(sub("${HOST:-fallback}")).isEqualTo("example.com");
        assertThat(sub("${MISSING:-}")).isEmpty();
    }

    @Test
    void unsetWithoutDefaultIsEmptyAndRemembered() {
        EnvSubstitution.Result r = EnvSubstitution.apply("${MISSING}${EMPTY}", ENV);
        assertThat(r.value()).isEmpty();
        assertThat(r.emptyVars()).containsExactly("MISSING", "EMPTY");
        assertThat(EnvSubstitution.explain(r.emptyVars(), ENV)).isEqualTo("MISSING is not set, EMPTY is empty");
        assertThat(EnvSubstitution.apply("${MISSING:-x}", ENV).emptyVars()).isEmpty();
    }

    @Test
    void doubledDollarIsALiteral() {
        assertThat(sub("$${HOST}")).isEqualTo("${HOST}");
        assertThat(sub("a$${b}${HOST}")).isEqualTo("a${b}example.com");
    }

    @Test
    void malformedReferencesAreErrors() {
        assertThatThrownBy(() -> sub("${HOST")).hasMessageContaining("unterminated ${");
        assertThatThrownBy(() -> sub("${}")).hasMessageContaining("invalid variable reference ${}");
        assertThatThrownBy(() -> sub("${A B}")).hasMessageContaining("invalid variable reference ${A B}");
    }
}
