package dev.ingate.pipeline;

import java.util.List;

/** Links interceptors into one handler, once at start-up: no per-request allocation for the chain itself. */
public final class Pipeline {

    private Pipeline() {
    }

    public static Handler assemble(List<Interceptor> interceptors, Handler terminal) {
        Handler next = terminal;
        for (int i = interceptors.size() - 1; i >= 0; i--) {
            Interceptor interceptor = interceptors.get(i);
            Handler after = next;
            next = ex -> interceptor.intercept(ex, after);
        }
        return next;
    }
}
