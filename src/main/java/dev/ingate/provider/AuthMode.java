package dev.ingate.provider;

/** Whose credentials reach the upstream: the provider key Ingate holds, or the caller's own. */
public enum AuthMode {
    API_KEY, PASSTHROUGH;

    public static AuthMode parse(String mode) {
        return switch (mode) {
            case "api_key" -> API_KEY;
            case "passthrough" -> PASSTHROUGH;
            default -> throw new IllegalArgumentException("auth_mode must be api_key or passthrough: " + mode);
        };
    }
}
