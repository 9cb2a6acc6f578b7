package dev.ingate.admin;

import dev.ingate.keys.StoredKey;
import dev.ingate.secrets.RandomSecrets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What listings and the audit log show of a gateway key's secret. */
class KeyPrefixTest {

    @Test
    void aGeneratedKeyShowsItsMarkerAndFourCharacters() {
        String secret = RandomSecrets.gatewayKey();
        assertThat(StoredKey.prefixOf(secret)).isEqualTo(secret.substring(0, 14)).startsWith("sk-ingate-");
    }

    @Test
    void aShortHandChosenSecretShowsAThirdAtMost() {
        assertThat(StoredKey.prefixOf("team-a-secret-01")).isEqualTo("team-");
        assertThat(StoredKey.prefixOf("abc")).isEqualTo("a");
        assertThat(StoredKey.prefixOf("ab")).isEmpty();
    }
}
