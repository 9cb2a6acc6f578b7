package dev.ingate.observe.trace;

import dev.ingate.config.TelemetrySettings;
import dev.ingate.pipeline.ExchangeObserver;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** With no collector configured there is no tracing, and not one OpenTelemetry class is loaded. */
class TracingOffTest {

    @Test
    void noEndpointGivesTheInertTracing() {
        Tracing tracing = Tracing.start(TelemetrySettings.defaults(), Map.of());
        assertThat(tracing).isSameAs(Tracing.OFF);
        ExchangeObserver observer = ex -> { };
        assertThat(tracing.appendTo(observer)).isSameAs(observer);
        tracing.close();
    }

    @Test
    void noOpenTelemetryClassIsLoadedWhenTracingIsOff() throws Exception {
        try (RecordingLoader loader = new RecordingLoader()) {
            Class<?> settings = loader.loadClass(TelemetrySettings.class.getName());
            Object defaults = settings.getMethod("defaults").invoke(null);
            Class<?> tracing = loader.loadClass(Tracing.class.getName());
            Object off = tracing.getMethod("start", settings, Map.class).invoke(null, defaults, Map.of());
            Class<?> observerType = loader.loadClass(ExchangeObserver.class.getName());
            Object none = observerType.getField("NONE").get(null);
            tracing.getMethod("appendTo", observerType).invoke(off, none);
            tracing.getMethod("close").invoke(off);

            assertThat(loader.requested).contains(Tracing.class.getName());
            assertThat(loader.requested).noneMatch(name -> name.startsWith("io.opentelemetry."));
        }
    }

    /** Loads the project's classes itself (child first) and notes every class name it is asked for. */
    private static final class RecordingLoader extends URLClassLoader {

        final Set<String> requested = ConcurrentHashMap.newKeySet();

        RecordingLoader() throws MalformedURLException {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            requested.add(name);
            return super.loadClass(name, resolve);
        }

        private static URL[] classPath() throws MalformedURLException {
            List<URL> urls = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                urls.add(Path.of(entry).toUri().toURL());
            }
            return urls.toArray(URL[]::new);
        }
    }
}
