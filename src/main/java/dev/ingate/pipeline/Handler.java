package dev.ingate.pipeline;

/** The rest of the pipeline, from some point on. */
@FunctionalInterface
public interface Handler {
    void handle(Exchange ex);
}
