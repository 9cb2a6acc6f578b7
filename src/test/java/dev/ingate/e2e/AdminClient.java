package dev.ingate.e2e;

import dev.ingate.testkit.Poll;
import dev.ingate.testkit.HttpCalls;
import dev.ingate.testkit.IngateUnderTest;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a test reads back from a running Ingate: records and usage through the admin API, and /metrics. */
final class AdminClient {

    private final IngateUnderTest ingate;
    private final String token;

    AdminClient(IngateUnderTest ingate, String token) {
        this.ingate = ingate;
        this.token = token;
    }

    JsonNode get(String pathAndQuery) {
        HttpResponse<String> response = HttpCalls.send(HttpCalls.request(ingate.baseUrl(), "/api/v1" + pathAndQuery)
                .header("Authorization", "Bearer " + token));
        assertThat(response.statusCode()).as("GET /api/v1%s: %s", pathAndQuery, response.body()).isEqualTo(200);
        return HttpCalls.json(response);
    }

    /** Every record matching {@code filter} (e.g. {@code Map.of("user", "alice")}), following the cursor through all pages. */
    List<JsonNode> records(Map<String, String> filter) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            StringBuilder query = new StringBuilder("/requests?limit=1000");
            filter.forEach((name, value) -> query.append('&').append(name).append('=').append(encode(value)));
            if (cursor != null) {
                query.append("&cursor=").append(encode(cursor));
            }
            JsonNode page = get(query.toString());
            page.get("data").forEach(all::add);
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
        } while (cursor != null);
        return all;
    }

    List<JsonNode> records() {
        return records(Map.of());
    }

    /** Polls the request list until at least {@code count} records are stored. */
    List<JsonNode> awaitRecords(int count, Duration timeout) {
        return Poll.until(count + " records stored", timeout, this::records, rows -> rows.size() >= count);
    }

    JsonNode record(String id) {
        return get("/requests/" + encode(id));
    }

    /** Usage rows by their group ("" for the group of requests without a value). */
    Map<String, JsonNode> usage(String groupBy) {
        Map<String, JsonNode> rows = new HashMap<>();
        get("/usage?group_by=" + groupBy).get("data")
                .forEach(row -> rows.put(row.get("group").isNull() ? "" : row.get("group").asString(), row));
        return rows;
    }

    /** Key id by key name, from the key list. */
    Map<String, String> keyIds() {
        Map<String, String> ids = new HashMap<>();
        get("/keys").get("data").forEach(key -> ids.put(key.get("name").asString(), key.get("id").asString()));
        return ids;
    }

    String metrics() {
        HttpResponse<String> response = HttpCalls.send(HttpCalls.request(ingate.baseUrl(), "/metrics"));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    int healthStatus() {
        return HttpCalls.send(HttpCalls.request(ingate.baseUrl(), "/health").timeout(Duration.ofSeconds(5))).statusCode();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
