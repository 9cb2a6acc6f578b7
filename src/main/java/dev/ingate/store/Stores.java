package dev.ingate.store;

import dev.ingate.keys.KeyStore;
import dev.ingate.provider.ProviderStore;

/** The JDBC stores over one {@link Database}; the database's lifetime stays with the caller. */
public record Stores(ProviderStore providers, KeyStore keys, ChangeFeed changes) {

    public static Stores open(Database database) {
        return new Stores(new JdbcProviderStore(database), new JdbcKeyStore(database), new JdbcChangeFeed(database));
    }
}
