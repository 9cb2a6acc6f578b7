package dev.ingate.keys;

import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The gateway keys in force, looked up by the hash of what a caller presented. Immutable. */
public final class Keyring {

    private final Map<String, GatewayKey> byHashHex;

    public Keyring(List<GatewayKey> keys) {
        Map<String, GatewayKey> map = new HashMap<>();
        for (GatewayKey key : keys) {
            map.put(HexFormat.of().formatHex(key.hash()), key);
        }
        this.byHashHex = Map.copyOf(map);
    }

    public Optional<GatewayKey> authenticate(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] hash = KeyHash.sha256(presented);
        GatewayKey candidate = byHashHex.get(HexFormat.of().formatHex(hash));
        // The map lookup is on the hash, which tells an attacker nothing about the key; the final
        // comparison is constant-time all the same.
        if (candidate != null && MessageDigest.isEqual(candidate.hash(), hash)) {
            long now = System.currentTimeMillis();
            if (candidate.expiredAt(now)) {
                return Optional.empty();
            }
            candidate.lastUse().record(now);
            return Optional.of(candidate);
        }
        return Optional.empty();
    }

    public java.util.Collection<GatewayKey> keys() {
        return byHashHex.values();
    }

    public int size() {
        return byHashHex.size();
    }
}
