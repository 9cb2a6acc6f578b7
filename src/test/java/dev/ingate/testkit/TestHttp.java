package dev.ingate.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** java.net.http helpers for the test kit's own tests. */
final class TestHttp {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final JsonMapper JSON = JsonMapper.shared();

    private TestHttp() {}

    static HttpResponse<String> post(MockProvider mock, String pathAndQuery, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(mock.baseUrl() + pathAndQuery))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("content-type", "application/json");
        if (headers.length > 0) b.headers(headers);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(MockProvider mock, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String s) {
        return JSON.readTree(s);
    }

    /** SSE events as (event name or null, data) pairs. */
    static List<Map.Entry<String, String>> sse(String body) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            if (block.isBlank()) continue;
            String event = null, data = null;
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) event = line.substring(7);
                if (line.startsWith("data: ")) data = line.substring(6);
            }
            out.add(new java.util.AbstractMap.SimpleEntry<>(event, data));
        }
        return out;
    }
}
