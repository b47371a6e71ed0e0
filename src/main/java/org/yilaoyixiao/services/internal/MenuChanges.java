package org.yilaoyixiao.services.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.services.ServiceCategory;

/** Adds menu items and changes prices; an order keeps the unit price it was taken at. */
@Service
class MenuChanges {

    private final MenuRepository menu;
    private final ServicesScope scope;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    MenuChanges(MenuRepository menu, ServicesScope scope, AuditTrail audit, TransactionTemplate transactions) {
        this.menu = menu;
        this.scope = scope;
        this.audit = audit;
        this.transactions = transactions;
    }

    ServiceItem add(String code, ServiceCategory category, String name, String unit, BigDecimal price,
                    List<String> availableIn) {
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        if (code == null || !code.matches("[A-Z0-9][A-Z0-9-]{1,29}")) {
            problems.add(new ApiException.FieldProblem("code", "INVALID", "services.item.code.invalid", null));
        }
        if (category == null) {
            problems.add(new ApiException.FieldProblem("category", "REQUIRED", "services.field.required", null));
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            problems.add(new ApiException.FieldProblem("name", "REQUIRED", "services.field.required", null));
        }
        if (unit == null || unit.isBlank() || unit.length() > 20) {
            problems.add(new ApiException.FieldProblem("unit", "REQUIRED", "services.field.required", null));
        }
        checkPrice(price, problems);
        List<String> where = availableIn == null ? List.of() : availableIn;
        if (where.isEmpty() || where.stream().anyMatch(d -> d == null || scope.path(d).isEmpty())) {
            problems.add(new ApiException.FieldProblem("availableIn", "INVALID", "services.item.available-in", null));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        try {
            long id = transactions.execute(status -> {
                long item = menu.insertItem(code, category, name.strip(), unit.strip(), price, false);
                where.forEach(d -> menu.makeAvailable(item, d));
                audit.record(AuditRecord.success("SERVICE_ITEM_ADDED", "service-item:" + code,
                        category + " " + name.strip() + " " + price.toPlainString() + "/" + unit.strip()
                                + " in " + where));
                return item;
            });
            return menu.item(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("services.item.code.taken", code);
        }
    }

    ServiceItem reprice(long id, BigDecimal price) {
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        checkPrice(price, problems);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        ServiceItem item = menu.item(id).orElseThrow(() -> ApiException.notFound("services.item.unknown"));
        transactions.executeWithoutResult(status -> {
            menu.reprice(id, price);
            audit.record(AuditRecord.success("SERVICE_ITEM_REPRICED", "service-item:" + item.code(),
                    item.price().toPlainString() + " -> " + price.toPlainString()));
        });
        return menu.item(id).orElseThrow();
    }

    /** Offers the item in one more division (with its subtree). */
    ServiceItem makeAvailable(long id, String division) {
        ServiceItem item = menu.item(id).orElseThrow(() -> ApiException.notFound("services.item.unknown"));
        if (division == null || division.isBlank() || scope.path(division).isEmpty()) {
            throw ApiException.validation("division", "REQUIRED", "services.item.division.choose");
        }
        transactions.executeWithoutResult(status -> {
            menu.makeAvailable(id, division);
            audit.record(AuditRecord.success("SERVICE_ITEM_AVAILABILITY_ADDED", "service-item:" + item.code(),
                    "division=" + division));
        });
        return menu.item(id).orElseThrow();
    }

    /** No longer offers the item in a division; an item is always offered somewhere. */
    ServiceItem makeUnavailable(long id, String division) {
        ServiceItem item = menu.item(id).orElseThrow(() -> ApiException.notFound("services.item.unknown"));
        if (item.availableIn().size() <= 1 && item.availableIn().contains(division)) {
            throw ApiException.conflict("services.item.available-somewhere", item.name());
        }
        transactions.executeWithoutResult(status -> {
            if (menu.makeUnavailable(id, division)) {
                audit.record(AuditRecord.success("SERVICE_ITEM_AVAILABILITY_REMOVED", "service-item:" + item.code(),
                        "division=" + division));
            }
        });
        return menu.item(id).orElseThrow();
    }

    private static void checkPrice(BigDecimal price, List<ApiException.FieldProblem> problems) {
        if (price == null || price.signum() < 0 || price.scale() > 2 || price.compareTo(new BigDecimal("99999999")) > 0) {
            problems.add(new ApiException.FieldProblem("price", "INVALID", "services.item.price.invalid", null));
        }
    }
}
