package dev.ingate.audit;

import dev.ingate.provider.RouteStore;
import dev.ingate.provider.StoredRoute;

import java.util.List;
import java.util.Optional;

/** A {@link RouteStore} that records every rule change in the audit log, as {@code actor}, right after it. */
public final class AuditedRouteStore implements RouteStore {

    private final RouteStore store;
    private final AuditTrail audit;
    private final Actor actor;

    public AuditedRouteStore(RouteStore store, AuditTrail audit, Actor actor) {
        this.store = store;
        this.audit = audit;
        this.actor = actor;
    }

    @Override
    public List<StoredRoute> list() {
        return store.list();
    }

    @Override
    public Optional<StoredRoute> get(String model) {
        return store.get(model);
    }

    @Override
    public boolean insert(StoredRoute route) {
        boolean inserted = store.insert(route);
        if (inserted) {
            audit.record(actor, "route.create", route.model(), null, AuditViews.route(route));
        }
        return inserted;
    }

    @Override
    public void put(StoredRoute route) {
        Optional<StoredRoute> before = store.get(route.model());
        store.put(route);
        audit.record(actor, before.isPresent() ? "route.update" : "route.create", route.model(),
                before.map(AuditViews::route).orElse(null), AuditViews.route(route));
    }

    @Override
    public boolean delete(String model) {
        Optional<StoredRoute> before = store.get(model);
        boolean deleted = store.delete(model);
        if (deleted) {
            audit.record(actor, "route.delete", model, before.map(AuditViews::route).orElse(null), null);
        }
        return deleted;
    }
}
