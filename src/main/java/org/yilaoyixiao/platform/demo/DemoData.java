package org.yilaoyixiao.platform.demo;

/**
 * Whether a module loads its synthetic demo data at start-up — one rule for every module's demo runner: only when
 * {@code yly.demo.enabled}, and with no demo scale given only on the embedded database, so that nothing synthetic
 * reaches an external database unless a positive scale is asked for.
 */
public final class DemoData {

    private DemoData() {
    }

    public static boolean wanted(boolean demoEnabled, String scale, String externalDatabaseUrl) {
        if (!demoEnabled) {
            return false;
        }
        if (scale == null || scale.isBlank()) {
            return externalDatabaseUrl == null || externalDatabaseUrl.isBlank();
        }
        try {
            return Double.parseDouble(scale.strip()) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
