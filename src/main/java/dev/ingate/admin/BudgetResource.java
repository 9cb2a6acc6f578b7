package dev.ingate.admin;

import dev.ingate.budget.Budgets;
import io.vertx.core.http.HttpMethod;

/**
 * {@code GET /api/v1/budget}: the global budget's current period, from the ledger the 402 check uses. The budget itself
 * is set in the config file only, so there is nothing to change here; without one the answer is a 404.
 */
final class BudgetResource {

    private final Budgets budgets;

    BudgetResource(Budgets budgets) {
        this.budgets = budgets;
    }

    AdminReply handle(AdminRequest req) {
        if (req.method() != HttpMethod.GET || req.segments().size() != 1) {
            throw AdminRoutes.noRoute(req);
        }
        return budgets.globalStatus()
                .map(status -> AdminReply.ok(BudgetViews.global(AdminAwait.result(status, "reading the global budget"))))
                .orElseThrow(() -> AdminException.notFound("no global budget: set budget.usd in the config file"));
    }
}
