package org.yilaoyixiao.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A resident ID number (公民身份号码) to GB 11643-1999: 6-digit address code, birth date, 3-digit sequence and an
 * ISO 7064 MOD 11-2 check character. The address code is deliberately not checked against today's divisions: it
 * is frozen at first registration, and divisions change.
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1880, 1, 1);

    private final String value;
    private final LocalDate birthDate;

    private ResidentIdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /** Why a text is not a valid ID number; {@link #messageKey()} explains it to a clerk. */
    public enum Problem {
        REQUIRED, FORMAT, BIRTH_DATE, BIRTH_DATE_FUTURE, CHECKSUM;

        public String messageKey() {
            return "id-number." + name().toLowerCase().replace('_', '-');
        }
    }

    /** Thrown for an invalid ID number; never carries the number itself. */
    public static final class InvalidException extends IllegalArgumentException {
        private final Problem problem;

        InvalidException(Problem problem) {
            super("Invalid resident ID number: " + problem);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /**
     * @param raw   the number as typed; surrounding spaces and a lower-case {@code x} are accepted
     * @param today the business date against which a birth date in the future is refused
     */
    public static ResidentIdNumber parse(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidException(Problem.REQUIRED);
        }
        String value = raw.strip().toUpperCase();
        if (!value.matches("[0-9]{17}[0-9X]")) {
            throw new InvalidException(Problem.FORMAT);
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new InvalidException(Problem.BIRTH_DATE);
        }
        if (birth.isBefore(EARLIEST_BIRTH)) {
            throw new InvalidException(Problem.BIRTH_DATE);
        }
        if (birth.isAfter(today)) {
            throw new InvalidException(Problem.BIRTH_DATE_FUTURE);
        }
        if (checkCharacter(value.substring(0, 17)) != value.charAt(17)) {
            throw new InvalidException(Problem.CHECKSUM);
        }
        return new ResidentIdNumber(value, birth);
    }

    /** The check character for the first 17 digits (ISO 7064 MOD 11-2). */
    public static char checkCharacter(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** The 17th digit: odd for men, even for women. */
    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    public String addressCode() {
        return value.substring(0, 6);
    }

    /** First 6 and last 4 shown: {@code 331121********123X}. */
    public String masked() {
        return mask(value);
    }

    public static String mask(String idNumber) {
        if (idNumber == null || idNumber.length() < 10) {
            return "**********";
        }
        return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10) + idNumber.substring(idNumber.length() - 4);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResidentIdNumber id && id.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    /** Masked, so that an ID number never reaches a log by accident. */
    @Override
    public String toString() {
        return masked();
    }
}
