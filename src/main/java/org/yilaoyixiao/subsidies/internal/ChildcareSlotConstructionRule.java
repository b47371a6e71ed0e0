package org.yilaoyixiao.subsidies.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.subsidies.Programme;

/** 托位一次性补助 (方案四（五）1): per approved slot, for a provider completed and filed in the same year. */
@Component
class ChildcareSlotConstructionRule extends SubsidyRule {

    @Override
    Programme programme() {
        return Programme.CHILDCARE_SLOT_CONSTRUCTION;
    }

    @Override
    void read(Facts facts, Decision d) {
        d.read.put("slots", facts.integer("approvedSlots"));
        d.read.put("completedYear", facts.integer("completedYear"));
        d.read.put("filedOn", facts.nullableDate("filedOn"));
    }

    @Override
    void decide(Decision d, LocalDate asOf) {
        int slots = d.<Integer>get("slots");
        int completedYear = d.<Integer>get("completedYear");
        LocalDate filedOn = d.get("filedOn");
        if (filedOn == null) {
            d.not("not-filed");
        } else if (filedOn.getYear() != completedYear) {
            d.not("filed-another-year", String.valueOf(completedYear), filedOn);
        }
        if (slots <= 0) {
            d.not("no-slots");
        }
        if (d.reasons.isEmpty()) {
            d.line(Message.of("subsidies.line.slot"), BigDecimal.valueOf(slots), "childcare-slot-construction.per-slot");
            d.because("slot.eligible", String.valueOf(completedYear), filedOn);
        }
    }
}
