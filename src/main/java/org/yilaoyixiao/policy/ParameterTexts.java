package org.yilaoyixiao.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A parameter as a reader sees it: its name ("养老服务补贴（重度失能）", never the key
 * {@code elderly-service-subsidy.level3}) and a value with its unit in words — money with two decimals and 元
 * ("300.00 元/人/月"), "36 个月", "80 岁", a ratio as a percentage. Names and units are message keys
 * {@code policy.parameter.<key>} and {@code policy.unit.<unit>}; a key without a text shows as itself.
 */
@Component
public class ParameterTexts {

    private final MessageSource messages;
    private final JdbcClient jdbc;

    public ParameterTexts(MessageSource messages, JdbcClient jdbc) {
        this.messages = messages;
        this.jdbc = jdbc;
    }

    public String name(String key, Locale locale) {
        return messages.getMessage("policy.parameter." + key, null, key, locale);
    }

    /** The unit in words ("元/人/月"). */
    public String unit(String unit, Locale locale) {
        return messages.getMessage("policy.unit." + unitKey(unit), null, unit, locale);
    }

    /** The units of every parameter, by key (one small query). */
    public Map<String, String> units() {
        Map<String, String> units = new HashMap<>();
        jdbc.sql("select key, unit from policy.parameter").query((rs, i) -> units.put(rs.getString(1),
                rs.getString(2))).list();
        return units;
    }

    /** A value with its unit: "11,000.00 元/床", "36 个月", "50%". */
    public String value(BigDecimal value, String unit, Locale locale) {
        if (value == null) {
            return "";
        }
        if (unit == null) {
            return ParameterValue.plain(value).toPlainString();
        }
        if ("ratio".equals(unit)) {
            return ParameterValue.plain(value.multiply(BigDecimal.valueOf(100))).toPlainString() + "%";
        }
        if (money(unit)) {
            return money(value) + " " + unit(unit, locale);
        }
        if ("level".equals(unit)) {
            // "1 级" in Chinese, "level 1" in English
            return messages.getMessage("policy.value.level", new Object[] {ParameterValue.plain(value).toPlainString()},
                    locale);
        }
        return ParameterValue.plain(value).toPlainString() + " " + unit(unit, locale);
    }

    /** Whether the unit is an amount of money (yuan per something). */
    public static boolean money(String unit) {
        return unit != null && unit.startsWith("CNY");
    }

    /** Money as a clerk writes it: thousands separated, two decimals. */
    public static String money(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** {@code CNY/person/month} → {@code CNY-person-month}: a message key part. */
    static String unitKey(String unit) {
        return unit.replace('/', '-');
    }
}
