package org.yilaoyixiao.platform.web;

/**
 * One choice in a search-as-you-type picker ({@code fragments/picker}): the value the form submits (an internal id,
 * never shown), the label the clerk reads (a name), and a detail that tells two 王秀英 apart (village, age, masked ID
 * number, the division path).
 */
public record PickerOption(String value, String label, String detail) {
}
