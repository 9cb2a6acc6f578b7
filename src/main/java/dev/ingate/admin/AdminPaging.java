package dev.ingate.admin;

/** The {@code limit} query parameter of the paged admin lists. */
final class AdminPaging {

    static final int DEFAULT_LIMIT = 100;

    private AdminPaging() {
    }

    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit < 1 || limit > 1000) {
                throw new NumberFormatException();
            }
            return limit;
        } catch (NumberFormatException e) {
            throw AdminException.badRequest("limit: must be a number from 1 to 1000");
        }
    }
}
