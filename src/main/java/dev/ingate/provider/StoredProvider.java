package dev.ingate.provider;

import dev.ingate.config.IngateConfig.ProviderEntry;
import dev.ingate.config.Origin;

import java.time.Instant;
import java.util.Optional;

/**
 * A provider as the database holds it: its settings in the config file's shape (with {@code apiKey}
 * always empty) and the API key sealed under the master key, never in clear.
 *
 * @param fileHash for {@link Origin#FILE} entities, a hash of the file entry last applied, so an
 *                 unchanged file leaves runtime overrides alone; null otherwise
 */
public record StoredProvider(String name, ProviderEntry settings, Optional<byte[]> sealedApiKey,
                             Origin origin, String fileHash, Instant updatedAt) {
}
