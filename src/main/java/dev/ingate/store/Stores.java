package dev.ingate.store;

import dev.ingate.keys.KeyStore;
import dev.ingate.provider.ProviderStore;
import dev.ingate.provider.RouteStore;

/** The JDBC stores over one {@link Database}; the database's lifetime stays with the caller. */
public record Stores(ProviderStore providers, RouteStore routes, KeyStore keys, ChangeFeed changes) {

    public static Stores open(Database database) {
        return new Stores(new JdbcProviderStore(database), new JdbcRouteStore(database), new JdbcKeyStore(database),
                new JdbcChangeFeed(database));
    }
}
