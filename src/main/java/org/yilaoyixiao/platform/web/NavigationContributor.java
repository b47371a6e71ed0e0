package org.yilaoyixiao.platform.web;

import java.util.List;

/** Each module with pages contributes its entries to the main navigation as a bean of this type. */
public interface NavigationContributor {

    List<NavigationEntry> navigation();
}
