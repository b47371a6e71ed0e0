package org.yilaoyixiao.platform.web;

import java.util.List;

/** One area of the navigation as a user sees it: its pages they may use, in order. */
public record NavigationMenu(NavigationArea area, List<NavigationEntry> entries) {

    /** An area with one page is a plain link rather than a menu. */
    public boolean single() {
        return entries.size() == 1;
    }

    public boolean contains(String path) {
        return entries.stream().anyMatch(e -> e.path().equals(path));
    }
}
