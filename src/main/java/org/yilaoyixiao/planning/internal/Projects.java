package org.yilaoyixiao.planning.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.facilities.BedType;
import org.yilaoyixiao.facilities.FacilityCapacity;
import org.yilaoyixiao.platform.api.ApiException;

/** The projects, their progress updates and the one-time conversion of delivered beds or places into capacity. */
@Component
class Projects {

    record Progress(long id, String projectCode, LocalDate reportedOn, Project.Status status, int percentComplete,
                    BigDecimal investedToDate, int bedsDelivered, int placesDelivered, String note,
                    List<String> attachments, String recordedBy) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final FacilityCapacity capacity;
    private final Clock clock;

    Projects(JdbcClient jdbc, AuditTrail audit, FacilityCapacity capacity, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.capacity = capacity;
        this.clock = clock;
    }

    List<Project> all() {
        return jdbc.sql("""
                select p.*, c.facility_kind, c.facility_id, c.bed_type, c.amount, c.converted_by
                from planning.project p left join planning.capacity_conversion c on c.project_code = p.code
                order by p.seq""").query(Projects::map).list();
    }

    Optional<Project> find(String code) {
        return jdbc.sql("""
                select p.*, c.facility_kind, c.facility_id, c.bed_type, c.amount, c.converted_by
                from planning.project p left join planning.capacity_conversion c on c.project_code = p.code
                where p.code = :code""").param("code", code).query(Projects::map).optional();
    }

    Project require(String code) {
        return find(code).orElseThrow(() -> ApiException.notFound("planning.project.not-found", code));
    }

    /** Planned investment per category, exact (万元). */
    static Map<Project.Category, BigDecimal> totals(List<Project> projects) {
        Map<Project.Category, BigDecimal> totals = new EnumMap<>(Project.Category.class);
        for (Project.Category c : Project.Category.values()) {
            totals.put(c, BigDecimal.ZERO);
        }
        projects.forEach(p -> totals.merge(p.category(), p.investment(), BigDecimal::add));
        return totals;
    }

    List<Progress> progress(String code) {
        return jdbc.sql("""
                select * from planning.project_progress where project_code = :code
                order by reported_on desc, id desc""").param("code", code)
                .query((rs, n) -> new Progress(rs.getLong("id"), rs.getString("project_code"),
                        rs.getDate("reported_on").toLocalDate(), Project.Status.valueOf(rs.getString("status")),
                        rs.getInt("percent_complete"), rs.getBigDecimal("invested_to_date"),
                        rs.getInt("beds_delivered"), rs.getInt("places_delivered"), rs.getString("note"),
                        List.of((String[]) rs.getArray("attachments").getArray()), rs.getString("recorded_by")))
                .list();
    }

    /** Records a progress update and makes it the project's current state; audited. */
    @Transactional
    Progress recordProgress(String code, LocalDate reportedOn, Project.Status status, int percent,
                            BigDecimal invested, int beds, int places, String note, List<String> attachments,
                            String actor) {
        require(code);
        long id = jdbc.sql("""
                        insert into planning.project_progress (project_code, reported_on, status, percent_complete,
                            invested_to_date, beds_delivered, places_delivered, note, attachments, recorded_by,
                            recorded_at)
                        values (:code, :on, :status, :percent, :invested, :beds, :places, :note, :attachments, :by, :at)
                        returning id""")
                .param("code", code).param("on", Date.valueOf(reportedOn)).param("status", status.name())
                .param("percent", percent).param("invested", invested).param("beds", beds).param("places", places)
                .param("note", note).param("attachments", attachments.toArray(String[]::new)).param("by", actor)
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        jdbc.sql("""
                        update planning.project set status = :status, percent_complete = :percent,
                            invested_to_date = :invested, beds_delivered = :beds, places_delivered = :places,
                            version = version + 1
                        where code = :code""")
                .param("status", status.name()).param("percent", percent).param("invested", invested)
                .param("beds", beds).param("places", places).param("code", code).update();
        audit.record(AuditRecord.success("PLAN_PROJECT_PROGRESS", "project:" + code,
                "status=%s percent=%d invested=%s beds=%d places=%d attachments=%s".formatted(status, percent,
                        invested.toPlainString(), beds, places, attachments)));
        return progress(code).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    /**
     * Turns a completed project's delivered beds (into an institution, as the given bed type) or places (into a
     * childcare provider) into approved capacity, once: a second attempt is a conflict.
     */
    @Transactional
    Project convert(String code, Long institutionId, BedType bedType, Long providerId, String actor) {
        Project project = require(code);
        if (project.conversion() != null) {
            throw ApiException.conflict("planning.project.already-converted", code);
        }
        if (project.status() != Project.Status.COMPLETED) {
            throw ApiException.conflict("planning.project.not-completed", code);
        }
        String reason = "规划项目 " + code + " " + project.name();
        int amount;
        String kind;
        long facilityId;
        if (project.category() == Project.Category.ELDERLY) {
            amount = project.bedsDelivered();
            if (institutionId == null || bedType == null) {
                throw ApiException.validation("institutionId", "REQUIRED", "planning.capacity.institution.required");
            }
            if (amount <= 0) {
                throw ApiException.conflict("planning.project.nothing-delivered", code);
            }
            capacity.addInstitutionBeds(institutionId, bedType, amount, reason);
            kind = "INSTITUTION";
            facilityId = institutionId;
        } else {
            amount = project.placesDelivered();
            if (providerId == null) {
                throw ApiException.validation("providerId", "REQUIRED", "planning.capacity.provider.required");
            }
            if (amount <= 0) {
                throw ApiException.conflict("planning.project.nothing-delivered", code);
            }
            capacity.addChildcareSlots(providerId, amount, reason);
            kind = "CHILDCARE_PROVIDER";
            facilityId = providerId;
        }
        jdbc.sql("""
                        insert into planning.capacity_conversion (project_code, facility_kind, facility_id, bed_type,
                            amount, converted_by, converted_at) values (:code, :kind, :id, :bedType, :amount, :by, :at)""")
                .param("code", code).param("kind", kind).param("id", facilityId)
                .param("bedType", kind.equals("INSTITUTION") ? bedType.name() : null).param("amount", amount)
                .param("by", actor).param("at", Timestamp.from(clock.instant())).update();
        audit.record(AuditRecord.success("PLAN_PROJECT_CAPACITY", "project:" + code,
                "%s:%d +%d".formatted(kind, facilityId, amount)));
        return require(code);
    }

    private static Project map(ResultSet rs, int n) throws SQLException {
        String kind = rs.getString("facility_kind");
        return new Project(rs.getString("code"), rs.getInt("seq"), Project.Category.valueOf(rs.getString("category")),
                rs.getString("name"), rs.getString("build_type"), rs.getString("years"), rs.getString("place"),
                rs.getString("division_code"), rs.getString("content"), rs.getBigDecimal("investment"),
                rs.getString("owner"), rs.getString("funding"), (Integer) rs.getObject("planned_beds"),
                (Integer) rs.getObject("planned_places"), Project.Status.valueOf(rs.getString("status")),
                rs.getInt("percent_complete"), rs.getBigDecimal("invested_to_date"), rs.getInt("beds_delivered"),
                rs.getInt("places_delivered"), rs.getString("source"), rs.getInt("version"),
                kind == null ? null : new Project.Conversion(kind, rs.getLong("facility_id"), rs.getString("bed_type"),
                        rs.getInt("amount"), rs.getString("converted_by")));
    }
}
