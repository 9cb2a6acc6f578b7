package dev.ingate.config;

/**
 * A config file that cannot be used. The message always starts with the file name and, when known,
 * the 1-based line and the key path: {@code config.yaml:12: providers.azure-gpt4.bse_url: unknown key (...)}.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final int line;
    private final String path;
    private final String problem;

    /** @param line 1-based, or 0 when unknown; @param path dotted key path, or "" for the whole file */
    public ConfigException(String fileName, int line, String path, String problem) {
        this(fileName, line, path, problem, null);
    }

    public ConfigException(String fileName, int line, String path, String problem, Throwable cause) {
        super(format(fileName, line, path, problem), cause);
        this.fileName = fileName;
        this.line = line;
        this.path = path == null ? "" : path;
        this.problem = problem;
    }

    public String fileName() {
        return fileName;
    }

    /** 1-based line, 0 when the problem has no position (e.g. the file cannot be read). */
    public int line() {
        return line;
    }

    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }

    private static String format(String fileName, int line, String path, String problem) {
        StringBuilder sb = new StringBuilder(fileName);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (path != null && !path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(problem).toString();
    }
}
