package org.yilaoyixiao.subsidies.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.facilities.ChildcareClassType;
import org.yilaoyixiao.subsidies.Programme;

/**
 * 普惠托位运营补助 (方案四（五）1): per enrolled child per month by class type, never for more children than the
 * approved slots; when over, class types are counted in the order 乳儿班, 托小班, 托大班, 混合班 until the slots are
 * used (the same order as the monthly run).
 */
@Component
class ChildcareOperatingRule extends SubsidyRule {

    static String parameterKey(ChildcareClassType type) {
        return "childcare-operating." + type.name().toLowerCase().replace('_', '-');
    }

    @Override
    Programme programme() {
        return Programme.CHILDCARE_OPERATING;
    }

    @Override
    void read(Facts facts, Decision d) {
        d.read.put("slots", facts.integer("approvedSlots"));
        d.read.put("enrolled", facts.counts("enrolled", ChildcareClassType.class));
        d.read.put("filed", facts.optionalBool("filed", true));
    }

    @Override
    void decide(Decision d, LocalDate asOf) {
        int remaining = d.<Integer>get("slots");
        Map<ChildcareClassType, Integer> enrolled = d.get("enrolled");
        if (!d.<Boolean>get("filed")) {
            d.not("not-filed");
            return;
        }
        int total = enrolled.values().stream().mapToInt(Integer::intValue).sum();
        for (ChildcareClassType type : ChildcareClassType.values()) {
            int counted = Math.min(enrolled.getOrDefault(type, 0), Math.max(0, remaining));
            remaining -= counted;
            if (counted > 0) {
                d.line(Message.of("subsidies.line.childcare-operating." + type.name()), BigDecimal.valueOf(counted),
                        parameterKey(type));
            }
        }
        if (total > d.<Integer>get("slots")) {
            d.because("childcare-operating.capped", total, d.<Integer>get("slots"));
        }
        if (d.lines.isEmpty()) {
            d.not("no-children");
        }
    }
}
