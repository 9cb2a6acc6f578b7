package dev.ingate.admin;

import dev.ingate.audit.Actor;

/** Sends each admin request to its resource by the first path segment after {@code /api/v1}. */
final class AdminRoutes {

    private final ProvidersResource providers;
    private final RoutesResource routes;
    private final KeysResource keys;
    private final RequestsResource requests;
    private final AuditResource audit;
    private final WebhooksResource webhooks;
    private final BudgetResource budget;
    private final CacheResource cache;

    /** @param ctx with stores that audit as {@code actor} (see {@link AdminContext#actingAs}) */
    AdminRoutes(AdminContext ctx, Actor actor) {
        this.providers = new ProvidersResource(ctx);
        this.routes = new RoutesResource(ctx);
        this.keys = new KeysResource(ctx);
        this.requests = new RequestsResource(ctx.requests());
        this.audit = new AuditResource(ctx.governance().auditLog());
        this.webhooks = new WebhooksResource(ctx);
        this.budget = new BudgetResource(ctx.governance().budgets());
        this.cache = new CacheResource(ctx.governance().cache(), ctx.governance().trail(), actor);
    }

    AdminReply handle(AdminRequest req) {
        String resource = req.segment(0);
        if (resource == null) {
            throw noRoute(req);
        }
        return switch (resource) {
            case "providers" -> providers.handle(req);
            case "routes" -> routes.handle(req);
            case "keys" -> keys.handle(req);
            case "requests" -> requests.requests(req);
            case "usage" -> requests.usage(req);
            case "audit" -> audit.handle(req);
            case "webhooks" -> webhooks.handle(req);
            case "budget" -> budget.handle(req);
            case "cache" -> cache.handle(req);
            default -> throw noRoute(req);
        };
    }

    static AdminException noRoute(AdminRequest req) {
        return AdminException.notFound("no admin route " + req.method() + " /api/v1/" + String.join("/", req.segments()));
    }
}
