package dev.ingate.pipeline;

import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * Jackson factories for the request path. Jackson's default buffer recycler pool is one lock-free deque shared by
 * every thread; on the event loops, taking a recycler from it and giving it back was a quarter of parsing a small
 * request body. The loops are a few long-lived threads: a pool per thread suits them (and the record writer's one).
 */
public final class LoopJson {

    private LoopJson() {
    }

    /** A factory whose parsers and generators keep their buffers per thread. */
    public static JsonFactory factory() {
        return JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build();
    }
}
