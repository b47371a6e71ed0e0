package org.yilaoyixiao.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yilaoyixiao.support.TestIdNumbers;

class ResidentIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void acceptsTheVerifiedVectorsOfTheStandard() {
        ResidentIdNumber a = ResidentIdNumber.parse("11010519491231002X", TODAY);
        assertThat(a.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(a.sex()).isEqualTo(Sex.FEMALE);
        assertThat(a.addressCode()).isEqualTo("110105");
        ResidentIdNumber b = ResidentIdNumber.parse("34052419800101001X", TODAY);
        assertThat(b.birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
        assertThat(b.sex()).isEqualTo(Sex.MALE);
    }

    @Test
    void acceptsLowerCaseXAndStoresUpperCase() {
        assertThat(ResidentIdNumber.parse(" 11010519491231002x ", TODAY).value()).isEqualTo("11010519491231002X");
    }

    @Test
    void doesNotCheckTheAddressCodeAgainstTodaysDivisions() {
        // 999999 is no division at all: address codes are frozen at first registration and never re-checked
        String first17 = "999999" + "19500505" + "001";
        assertThat(ResidentIdNumber.parse(first17 + ResidentIdNumber.checkCharacter(first17), TODAY).addressCode())
                .isEqualTo("999999");
    }

    @ParameterizedTest
    @CsvSource({
            "11010519491231002Y, FORMAT",
            "1101051949123100, FORMAT",
            "110105194912310021, CHECKSUM",
            "34052419800101001A, FORMAT",
            "340524198001010010, CHECKSUM",
            "110105194902300011, BIRTH_DATE",
            "110105194913010012, BIRTH_DATE",
            "110105187001010011, BIRTH_DATE",
            "'', REQUIRED"
    })
    void refusesBadNumbersWithTheReason(String raw, ResidentIdNumber.Problem problem) {
        assertThatThrownBy(() -> ResidentIdNumber.parse(raw, TODAY))
                .isInstanceOfSatisfying(ResidentIdNumber.InvalidException.class,
                        e -> assertThat(e.problem()).isEqualTo(problem))
                .hasMessageNotContaining(raw.isEmpty() ? "never" : raw);
    }

    @Test
    void refusesABirthDateInTheFuture() {
        String tomorrow = TestIdNumbers.of(TODAY.plusDays(1), 1);
        assertThatThrownBy(() -> ResidentIdNumber.parse(tomorrow, TODAY))
                .isInstanceOfSatisfying(ResidentIdNumber.InvalidException.class,
                        e -> assertThat(e.problem()).isEqualTo(ResidentIdNumber.Problem.BIRTH_DATE_FUTURE));
        assertThat(ResidentIdNumber.parse(TestIdNumbers.of(TODAY, 1), TODAY).birthDate()).isEqualTo(TODAY);
    }

    @Test
    void everySingleDigitTypoIsCaught() {
        // MOD 11-2 detects every single-character substitution: a property checked over many random numbers
        Random random = new Random(20261129);
        for (int n = 0; n < 2000; n++) {
            String valid = TestIdNumbers.of(LocalDate.of(1930, 1, 1).plusDays(random.nextInt(30000)), random.nextInt(1000));
            assertThat(ResidentIdNumber.parse(valid, TODAY).value()).isEqualTo(valid);
            int position = random.nextInt(17);
            char original = valid.charAt(position);
            char typo = (char) ('0' + (original - '0' + 1 + random.nextInt(9)) % 10);
            String mistyped = valid.substring(0, position) + typo + valid.substring(position + 1);
            assertThatThrownBy(() -> ResidentIdNumber.parse(mistyped, TODAY))
                    .isInstanceOf(ResidentIdNumber.InvalidException.class);
        }
    }

    @Test
    void masksAllButTheFirstSixAndLastFour() {
        assertThat(ResidentIdNumber.parse("34052419800101001X", TODAY).masked()).isEqualTo("340524********001X");
        assertThat(ResidentIdNumber.parse("34052419800101001X", TODAY).toString()).isEqualTo("340524********001X");
    }
}
