package dev.ingate.state;

import dev.ingate.config.Origin;
import dev.ingate.keys.KeyHash;
import dev.ingate.keys.KeyStore;
import dev.ingate.keys.StoredKey;
import dev.ingate.secrets.RandomSecrets;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** With no gateway key anywhere (first start, no keys in the file), makes one so the gateway is usable at once. */
public final class FirstKey {

    private FirstKey() {
    }

    /** @return the new key's secret, to be shown once, when one was made */
    public static Optional<String> ensure(KeyStore keys) {
        if (!keys.list().isEmpty()) {
            return Optional.empty();
        }
        String secret = RandomSecrets.gatewayKey();
        keys.insert(new StoredKey("key_" + RandomSecrets.base62(20), "default", StoredKey.prefixOf(secret), KeyHash.sha256(secret),
                List.of(), List.of(), Optional.empty(), true, Origin.API, Instant.now(), Optional.empty()));
        return Optional.of(secret);
    }
}
