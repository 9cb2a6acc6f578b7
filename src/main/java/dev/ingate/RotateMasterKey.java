package dev.ingate;

import dev.ingate.provider.ProviderStore.SealedSecret;
import dev.ingate.secrets.DataDir;
import dev.ingate.secrets.RandomSecrets;
import dev.ingate.secrets.SecretBox;
import dev.ingate.store.Database;
import dev.ingate.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ingate rotate-master-key}: re-seals every stored provider key under a new master key in one
 * database transaction, then replaces the key file. Run it with Ingate stopped. When the key comes from
 * {@code INGATE_MASTER_KEY}, the new key is printed for the operator to put there instead.
 */
@Command(name = "rotate-master-key", mixinStandardHelpOptions = true,
        description = "Re-encrypt every stored provider key under a new master key.")
final class RotateMasterKey implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR", description = "data directory (env INGATE_DATA_DIR, default ./data)")
    Path dataDir;

    @Option(names = "--new-key", paramLabel = "BASE64", description = "the new key (base64 of 32 bytes); default: a new random one")
    String newKeyBase64;

    @Override
    public Integer call() {
        StartupSettings settings = StartupSettings.resolve(null, null, dataDir, null, System.getenv());
        DataDir dir = new DataDir(settings.dataDir());
        byte[] oldKey = dir.masterKey(settings.masterKey()).value();
        byte[] newKey = newKeyBase64 != null ? decode(newKeyBase64) : RandomSecrets.bytes(32);
        int count = rotate(settings, oldKey, newKey);
        if (settings.masterKey().isPresent()) {
            System.out.println("Re-encrypted " + count + " provider keys. Set INGATE_MASTER_KEY to the new key before the next start:");
            System.out.println("  " + Base64.getEncoder().encodeToString(newKey));
        } else {
            dir.replaceMasterKey(newKey);
            System.out.println("Re-encrypted " + count + " provider keys; " + dir.masterKeyFile() + " holds the new key ("
                    + new SecretBox(newKey).keyFingerprint() + ").");
        }
        return 0;
    }

    /** @return how many stored secrets were re-sealed */
    static int rotate(StartupSettings settings, byte[] oldKey, byte[] newKey) {
        SecretBox oldBox = new SecretBox(oldKey);
        SecretBox newBox = new SecretBox(newKey);
        int[] count = {0};
        String url = settings.databaseUrl().orElse("jdbc:sqlite:" + settings.dataDir().resolve("ingate.db"));
        try (Database database = Database.open(url)) {
            Stores.open(database).providers().resealAll(secret -> {
                count[0]++;
                String plain = oldBox.open(secret.sealed(), secret.providerName());
                return new SealedSecret(secret.providerName(), newBox.seal(plain, secret.providerName()));
            });
        }
        return count[0];
    }

    private static byte[] decode(String base64) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.trim());
            if (key.length != 32) {
                throw new IllegalArgumentException("--new-key must be base64 of 32 bytes, got " + key.length);
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Optional.ofNullable(e.getMessage()).orElse("--new-key is not valid base64"));
        }
    }
}
