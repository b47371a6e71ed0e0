package org.yilaoyixiao.platform.web;

/**
 * One entry of the shell's main navigation. {@code permission} null means every logged-in user sees it.
 */
public record NavigationEntry(String labelKey, String path, String permission, int order) {
}
