package dev.ingate.admin;

/** What a resource answers: a status and a JSON-serialisable body (a Jackson node, a map, a list). */
record AdminReply(int status, Object body) {

    static AdminReply ok(Object body) {
        return new AdminReply(200, body);
    }

    static AdminReply created(Object body) {
        return new AdminReply(201, body);
    }

    /** Taken on, done later (a webhook test event the delivery thread sends). */
    static AdminReply accepted(Object body) {
        return new AdminReply(202, body);
    }
}
