package org.yilaoyixiao.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Choosing in a search-as-you-type picker as a clerk does: type, wait for the list, click the choice. */
final class PeoplePickers {

    private PeoplePickers() {
    }

    /** Types {@code term} into the picker box {@code inputSelector} and clicks the first choice containing {@code label}. */
    static void choose(Page page, String inputSelector, String term, String label) {
        Locator box = page.locator(inputSelector);
        box.fill("");
        box.pressSequentially(term, new Locator.PressSequentiallyOptions().setDelay(20));
        Locator picker = page.locator("[data-picker]").filter(new Locator.FilterOptions().setHas(box));
        Locator option = picker.locator(".picker-option").filter(new Locator.FilterOptions().setHasText(label)).first();
        option.waitFor();
        option.click();
    }
}
