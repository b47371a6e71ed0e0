package org.yilaoyixiao.registry.internal.demo;

/** What a load wrote. */
record DemoPopulationTotals(long elders, long infants, long households, long guardians, long contacts) {

    long people() {
        return elders + infants;
    }

    static final class Counter {
        private long elders;
        private long infants;
        private long households;
        private long guardians;
        private long contacts;

        void person(DemoHousehold.Member member) {
            if (member.infant()) {
                infants++;
            } else {
                elders++;
            }
        }

        void household(int guardianRows, int contactRows) {
            households++;
            guardians += guardianRows;
            contacts += contactRows;
        }

        long people() {
            return elders + infants;
        }

        DemoPopulationTotals totals() {
            return new DemoPopulationTotals(elders, infants, households, guardians, contacts);
        }
    }
}
