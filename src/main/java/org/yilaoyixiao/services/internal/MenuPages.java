package org.yilaoyixiao.services.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.web.Pager;
import org.yilaoyixiao.services.ServiceCategory;
import org.yilaoyixiao.services.ServicesPermissions;

/**
 * 服务项目与价格: the service menu, paged; a county or bureau clerk adds an item, changes its price (orders taken from
 * now on; existing orders keep theirs) and where it is offered (a division picker). Everyone may read the menu.
 */
@Controller
class MenuPages {

    static final int PAGE_SIZE = 50;

    private final MenuRepository menu;
    private final MenuChanges changes;
    private final ServicesScope scope;
    private final PageRefusals refusals;

    MenuPages(MenuRepository menu, MenuChanges changes, ServicesScope scope, PageRefusals refusals) {
        this.menu = menu;
        this.changes = changes;
        this.scope = scope;
        this.refusals = refusals;
    }

    /** An item as the page shows it: where it is offered, by name. */
    record Row(ServiceItem item, List<Place> places) {
    }

    record Place(String code, String name) {
    }

    @GetMapping("/services/menu")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.MENU_READ + "')")
    String menu(@RequestParam(required = false) Integer page, Model model) {
        var found = menu.page(PageRequest.of(page, PAGE_SIZE));
        model.addAttribute("rows", found.items().stream().map(i -> new Row(i, i.availableIn().stream()
                .map(d -> new Place(d, scope.divisionName(d))).toList())).toList());
        model.addAttribute("pager", Pager.of(found));
        model.addAttribute("categories", ServiceCategory.values());
        return "services/menu";
    }

    @PostMapping("/services/menu")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.MENU_MANAGE + "')")
    String add(@RequestParam(required = false) String code, @RequestParam(required = false) ServiceCategory category,
               @RequestParam(required = false) String name, @RequestParam(required = false) String unit,
               @RequestParam(required = false) String price, @RequestParam(required = false) String division,
               Model model, Locale locale, RedirectAttributes redirect) {
        try {
            ServiceItem item = changes.add(code == null ? null : code.strip().toUpperCase(Locale.ROOT), category, name,
                    unit, money(price), division == null || division.isBlank() ? List.of() : List.of(division));
            redirect.addFlashAttribute("done", item.name());
            return "redirect:/services/menu#item-" + item.id();
        } catch (ApiException e) {
            refusals.show(e, model, locale);
            model.addAttribute("form", new ItemForm(code, category, name, unit, price, division,
                    division == null || division.isBlank() ? null : scope.divisionName(division)));
            return menu(null, model);
        }
    }

    record ItemForm(String code, ServiceCategory category, String name, String unit, String price, String division,
                    String divisionName) {
    }

    @PostMapping("/services/menu/{id}/price")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.MENU_MANAGE + "')")
    String reprice(@PathVariable long id, @RequestParam(required = false) String price, Model model, Locale locale,
                   RedirectAttributes redirect) {
        try {
            ServiceItem item = changes.reprice(id, money(price));
            redirect.addFlashAttribute("done", item.name());
            return "redirect:/services/menu#item-" + id;
        } catch (ApiException e) {
            refusals.show(e, model, locale);
            return menu(null, model);
        }
    }

    @PostMapping("/services/menu/{id}/available")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.MENU_MANAGE + "')")
    String available(@PathVariable long id, @RequestParam(required = false) String division,
                     @RequestParam(required = false) String remove, Model model, Locale locale,
                     RedirectAttributes redirect) {
        try {
            ServiceItem item = remove != null && !remove.isBlank() ? changes.makeUnavailable(id, remove.strip())
                    : changes.makeAvailable(id, division == null ? null : division.strip());
            redirect.addFlashAttribute("done", item.name());
            return "redirect:/services/menu#item-" + id;
        } catch (ApiException e) {
            refusals.show(e, model, locale);
            return menu(null, model);
        }
    }

    /** A price as typed ("12", "12.5", "12.50"); anything else is refused by the price check in words. */
    private static BigDecimal money(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return BigDecimal.valueOf(-1);
        }
    }
}
