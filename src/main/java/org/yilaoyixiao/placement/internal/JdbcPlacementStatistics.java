package org.yilaoyixiao.placement.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.facilities.BedType;
import org.yilaoyixiao.placement.PlacementStatistics;

@Component
class JdbcPlacementStatistics implements PlacementStatistics {

    private final PlacementRepository placements;
    private final EnrolmentRepository enrolments;
    private final JdbcClient jdbc;

    JdbcPlacementStatistics(PlacementRepository placements, EnrolmentRepository enrolments, JdbcClient jdbc) {
        this.placements = placements;
        this.enrolments = enrolments;
        this.jdbc = jdbc;
    }

    @Override
    public int residents(long institutionId, BedType type) {
        return placements.currentResidents(institutionId, type.name());
    }

    @Override
    public int supervisedFamilyBeds(long institutionId) {
        return jdbc.sql("""
                        select count(*) from placement.placement where institution_id = :id and kind = 'FAMILY_BED'
                        and to_date is null
                        """)
                .param("id", institutionId).query(Integer.class).single();
    }

    @Override
    public int enrolledInClass(long classId) {
        return enrolments.currentInClass(classId).size();
    }

    @Override
    public int enrolledWithProvider(long providerId) {
        return enrolments.currentInProvider(providerId);
    }
}
