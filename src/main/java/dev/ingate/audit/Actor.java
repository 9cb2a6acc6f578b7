package dev.ingate.audit;

/**
 * Who made a change. There is one admin token, so the admin API's actor is {@code admin} unless the caller names the
 * person with {@code X-Ingate-Actor} (a dashboard or script acting for someone); the client address and
 * {@code User-Agent} are kept either way. The config file applied at start is the actor {@code config-file}; what Ingate
 * does by itself at start, the actor {@code system}.
 *
 * @param via how the change came in: {@code admin_api}, {@code config_file} or {@code startup}
 */
public record Actor(String name, String via, String address, String userAgent) {

    public static final String ADMIN = "admin";
    public static final Actor CONFIG_FILE = new Actor("config-file", "config_file", null, null);
    /** Ingate itself at start: the gateway key it makes when there is none anywhere. */
    public static final Actor SYSTEM = new Actor("system", "startup", null, null);
    /** Longer header values are cut: the name is for reading, not a place to store documents. */
    static final int MAX_NAME = 200;

    /** @param named the {@code X-Ingate-Actor} header, or null */
    public static Actor admin(String named, String address, String userAgent) {
        String name = named == null || named.isBlank() ? ADMIN : cut(named.strip());
        return new Actor(name, "admin_api", address, userAgent == null ? null : cut(userAgent));
    }

    private static String cut(String text) {
        return text.length() <= MAX_NAME ? text : text.substring(0, MAX_NAME);
    }
}
