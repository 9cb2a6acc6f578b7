package dev.ingate;

/** The version this build was made from, as written into the jar's manifest by Maven. */
public final class Version {

    private static final String CURRENT = find();

    private Version() {
    }

    public static String current() {
        return CURRENT;
    }

    private static String find() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }
}
