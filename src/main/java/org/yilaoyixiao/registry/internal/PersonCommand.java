package org.yilaoyixiao.registry.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * What a clerk (form, API or spreadsheet row) says about a person, as given: every field is checked by
 * {@link PersonValidation}, which reports all problems at once in the clerk's language.
 */
record PersonCommand(String idNumber, String name, String phone, String residenceDivisionCode, Boolean localHukou,
                     String economicStatus, List<String> livingSituation, LocalDate deathDate, String status) {
}
