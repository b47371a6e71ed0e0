package org.yilaoyixiao.guardian.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yilaoyixiao.guardian.AlertType;

class FraudRulesTest {

    private final FraudRules rules = new FraudRules(FraudSettings.defaults());
    private static final List<BigDecimal> USUAL = List.of(new BigDecimal("800"), new BigDecimal("1000"),
            new BigDecimal("1200"), new BigDecimal("900"), new BigDecimal("1100"));
    private static final Set<String> PAID_BEFORE = Set.of("青田县自来水公司", "女儿");

    private List<Trigger> judge(String amount, String counterparty, List<BigDecimal> past, int inWindow,
                                Set<String> fraudList) {
        return rules.judge(new Transfer(7, "acct-1", new BigDecimal(amount), counterparty, "MOBILE",
                Instant.parse("2026-05-04T02:00:00Z")), new TransferHistory(past, PAID_BEFORE, inWindow), fraudList);
    }

    @Test
    void usualTransfersStayQuiet() {
        assertThat(judge("1000", "女儿", USUAL, 0, Set.of())).isEmpty();
        assertThat(judge("1500", "青田县自来水公司", USUAL, 1, Set.of())).isEmpty();
        // a new counterparty with a small amount
        assertThat(judge("300", "菜场", USUAL, 0, Set.of())).isEmpty();
    }

    @Test
    void aTransferLargeForThisElderIsSuspicious() {
        // median 1000 × 5 = 5000
        assertThat(judge("4999.99", "女儿", USUAL, 0, Set.of())).isEmpty();
        assertThat(judge("5000", "女儿", USUAL, 0, Set.of())).singleElement()
                .satisfies(t -> assertThat(t.details()).contains("large for this elder"));
        // without enough history only a very large one counts
        assertThat(judge("19999", "女儿", USUAL.subList(0, 2), 0, Set.of())).isEmpty();
        assertThat(judge("20000", "女儿", USUAL.subList(0, 2), 0, Set.of())).hasSize(1);
    }

    @Test
    void aFirstTransferToANewCounterpartyAboveTheThreshold() {
        assertThat(judge("1999.99", "某某投资", USUAL, 0, Set.of())).isEmpty();
        assertThat(judge("2000", "某某投资", USUAL, 0, Set.of())).singleElement()
                .satisfies(t -> {
                    assertThat(t.type()).isEqualTo(AlertType.FRAUD);
                    assertThat(t.details()).contains("first transfer to a new counterparty");
                });
    }

    @Test
    void burstsAndTheFraudListAreSuspiciousWhateverTheAmount() {
        assertThat(judge("100", "女儿", USUAL, 1, Set.of())).isEmpty();
        assertThat(judge("100", "女儿", USUAL, 2, Set.of())).singleElement()
                .satisfies(t -> assertThat(t.details()).contains("3 transfers within 60 minutes"));
        assertThat(judge("50", "女儿", USUAL, 0, Set.of("女儿"))).singleElement()
                .satisfies(t -> assertThat(t.details()).contains("fraud list"));
    }
}
