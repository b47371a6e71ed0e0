package org.yilaoyixiao.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;

/** Choosing in a search-as-you-type picker as a clerk does: type, wait for the list, click the choice. */
final class PeoplePickers {

    private PeoplePickers() {
    }

    /** Types {@code term} into the picker box {@code inputSelector} and clicks the first choice containing {@code label}. */
    static void choose(Page page, String inputSelector, String term, String label) {
        type(page, inputSelector, term).locator(".picker-option")
                .filter(new Locator.FilterOptions().setHasText(label)).first().click();
    }

    /** Types {@code term} into the picker box and clicks the choice that submits {@code value} (of several alike). */
    static void chooseValue(Page page, String inputSelector, String term, String value) {
        type(page, inputSelector, term).locator(".picker-option[data-pick-value='" + value + "']").click();
    }

    private static Locator type(Page page, String inputSelector, String term) {
        // the box searches only once htmx (a deferred script) listens: keys typed into a page still loading are lost
        page.waitForLoadState(LoadState.LOAD);
        page.waitForFunction("() => window.htmx !== undefined && document.readyState === 'complete'");
        Locator box = page.locator(inputSelector);
        box.fill("");
        box.pressSequentially(term, new Locator.PressSequentiallyOptions().setDelay(20));
        return page.locator("[data-picker]").filter(new Locator.FilterOptions().setHas(box));
    }
}
