package org.yilaoyixiao.facilities.internal;

import java.sql.PreparedStatement;
import java.sql.Types;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.facilities.ChildcareClassLimit;
import org.yilaoyixiao.facilities.ChildcareClassRules;

/** Loads the national childcare class limits from the same reference file the rules read, so both agree. */
@Component
class V4_2__LoadChildcareClassLimits extends BaseJavaMigration {

    static final String SOURCE = "reference/childcare/class-limits.csv (托育机构设置标准（试行）, 国卫人口发〔2019〕58号)";

    @Override
    public void migrate(Context context) throws Exception {
        try (PreparedStatement insert = context.getConnection().prepareStatement("""
                insert into facilities.childcare_class_limit (class_type, min_age_months, max_age_months,
                    max_children, children_per_carer, source) values (?, ?, ?, ?, ?, ?)
                """)) {
            for (ChildcareClassLimit limit : ChildcareClassRules.read()) {
                insert.setString(1, limit.type().name());
                insert.setInt(2, limit.minAgeMonths());
                insert.setInt(3, limit.maxAgeMonths());
                insert.setInt(4, limit.maxChildren());
                if (limit.childrenPerCarer() == null) {
                    insert.setNull(5, Types.INTEGER);
                } else {
                    insert.setInt(5, limit.childrenPerCarer());
                }
                insert.setString(6, SOURCE);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
