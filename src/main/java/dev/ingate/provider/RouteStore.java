package dev.ingate.provider;

import java.util.List;
import java.util.Optional;

/**
 * Model routing rules, persisted beside the providers and fallback chains they point at. Blocking: never call on an
 * event loop.
 */
public interface RouteStore {

    /**
     * The first position of rules created through the admin API: the file's rules (positions 0…n-1, in file order)
     * are always tried before them, whatever the order of creation.
     */
    long API_POSITIONS = 1L << 20;

    /** Every rule in match order: by position, then model. */
    List<StoredRoute> list();

    Optional<StoredRoute> get(String model);

    /** Adds a rule; false (and nothing written) when one for that model already exists. */
    boolean insert(StoredRoute route);

    /** Inserts or replaces the rule for its model. */
    void put(StoredRoute route);

    /** False if there was no rule for that model. */
    boolean delete(String model);
}
