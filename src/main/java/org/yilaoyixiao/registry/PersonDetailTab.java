package org.yilaoyixiao.registry;

/**
 * A tab on a person's detail page. The registry shows its own tabs (basic data; household and contacts); other
 * modules add theirs (assessments, subsidies, visits …) as beans of this type, served by their own controllers and
 * loaded into the page with htmx when opened.
 */
public interface PersonDetailTab {

    /** Message key of the tab's title. */
    String labelKey();

    /** Position among the tabs; the registry's own use 0 and 10. */
    int order();

    /** Path of the fragment showing this tab for one person, e.g. {@code /persons/42/relations}. */
    String path(long personId);
}
