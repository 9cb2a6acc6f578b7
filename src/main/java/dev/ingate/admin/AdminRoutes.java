package dev.ingate.admin;

/** Sends each admin request to its resource by the first path segment after {@code /api/v1}. */
final class AdminRoutes {

    private final ProvidersResource providers;
    private final KeysResource keys;

    AdminRoutes(AdminContext ctx) {
        this.providers = new ProvidersResource(ctx);
        this.keys = new KeysResource(ctx);
    }

    AdminReply handle(AdminRequest req) {
        String resource = req.segment(0);
        if (resource == null) {
            throw noRoute(req);
        }
        return switch (resource) {
            case "providers" -> providers.handle(req);
            case "keys" -> keys.handle(req);
            default -> throw noRoute(req);
        };
    }

    static AdminException noRoute(AdminRequest req) {
        return AdminException.notFound("no admin route " + req.method() + " /api/v1/" + String.join("/", req.segments()));
    }
}
