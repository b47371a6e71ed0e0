package org.yilaoyixiao.registry.internal.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.yilaoyixiao.registry.ResidentIdNumber;
import org.yilaoyixiao.registry.Sex;

/**
 * Valid, unique made-up ID numbers: Qingtian's address code, the real birth date, a sequence whose parity gives the
 * sex (odd: men) and the real check character. Sequences are handed out per birth date and sex from the top
 * (999/998) down, so they stay clear of the low sequences that hand-made test data tends to use. Each birth date and
 * sex has 500 sequences, which is why the scale is limited.
 */
final class SyntheticIdNumbers {

    static final String ADDRESS_CODE = "331121";
    /** Keeps the busiest birth date well below the 500 sequences a date and sex have. */
    static final double MAX_SCALE = 40;

    private final Map<Long, Integer> nextSequence = new HashMap<>();

    String next(LocalDate birthDate, Sex sex) {
        long key = birthDate.toEpochDay() * 2 + (sex == Sex.MALE ? 1 : 0);
        int sequence = nextSequence.getOrDefault(key, sex == Sex.MALE ? 999 : 998);
        if (sequence < 0) {
            throw new IllegalStateException("No synthetic ID number left for birth date " + birthDate
                    + "; use a smaller demo scale");
        }
        nextSequence.put(key, sequence - 2);
        StringBuilder first17 = new StringBuilder(18).append(ADDRESS_CODE)
                .append(birthDate.getYear());
        appendTwoDigits(first17, birthDate.getMonthValue());
        appendTwoDigits(first17, birthDate.getDayOfMonth());
        first17.append((char) ('0' + sequence / 100)).append((char) ('0' + sequence / 10 % 10))
                .append((char) ('0' + sequence % 10));
        return first17.append(ResidentIdNumber.checkCharacter(first17)).toString();
    }

    private static void appendTwoDigits(StringBuilder text, int value) {
        text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
