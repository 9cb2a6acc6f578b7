package dev.ingate.config;

/** Where a stored entity came from: the config file (declarative start state) or the admin API. */
public enum Origin {
    FILE, API;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
