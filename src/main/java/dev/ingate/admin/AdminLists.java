package dev.ingate.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SPEC section 5's list shape: {@code {"data":[…],"next_cursor":…}}. */
final class AdminLists {

    private AdminLists() {
    }

    static Map<String, Object> page(List<?> data) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("data", data);
        page.put("next_cursor", null);
        return page;
    }
}
