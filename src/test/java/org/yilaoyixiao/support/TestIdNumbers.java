package org.yilaoyixiao.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;
import org.yilaoyixiao.registry.ResidentIdNumber;

/** Valid, never-repeating synthetic ID numbers for tests (Qingtian address code, real check characters). */
public final class TestIdNumbers {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 400));
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private TestIdNumbers() {
    }

    public static String of(LocalDate birth, int sequence) {
        String first17 = "331121" + birth.format(BASIC) + String.format("%03d", sequence % 1000);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** A new number with the given birth date; unique within the test run for up to 1000 per birth date. */
    public static String next(LocalDate birth) {
        return of(birth, SEQUENCE.incrementAndGet());
    }

    /** A new number of an elder (born in the 1940s, spread over many days so numbers do not repeat). */
    public static String nextElder() {
        int n = SEQUENCE.incrementAndGet();
        return of(LocalDate.of(1940, 1, 1).plusDays(n * 7L % 3650), n / 500);
    }
}
