package org.yilaoyixiao.policy;

import java.time.LocalDate;

/** No value of the parameter holds on the date (the key is unknown or its first value is later). */
public class NoParameterValue extends RuntimeException {

    private final String key;
    private final LocalDate date;

    public NoParameterValue(String key, LocalDate date) {
        super("No value of " + key + " as of " + date);
        this.key = key;
        this.date = date;
    }

    public String key() {
        return key;
    }

    public LocalDate date() {
        return date;
    }
}
