package dev.ingate.e2e;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one metric family out of a Prometheus text exposition: each sample's labels and value. */
final class PrometheusText {

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private PrometheusText() {
    }

    /** Samples of {@code name} (exactly that name, not its _bucket or _sum relatives), by their labels. */
    static Map<Map<String, String>, Double> samples(String exposition, String name) {
        Map<Map<String, String>, Double> samples = new HashMap<>();
        for (String line : exposition.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            int close = line.lastIndexOf('}');
            Map<String, String> labels = new TreeMap<>();
            if (close > 0) {
                Matcher m = LABEL.matcher(line.substring(name.length() + 1, close));
                while (m.find()) {
                    labels.put(m.group(1), m.group(2));
                }
            }
            samples.put(labels, Double.parseDouble(line.substring(close > 0 ? close + 1 : name.length()).trim()));
        }
        return samples;
    }
}
