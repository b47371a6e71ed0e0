package org.yilaoyixiao.guardian.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.guardian.detection.Detectors;
import org.yilaoyixiao.guardian.detection.Reading;
import org.yilaoyixiao.guardian.detection.ReadingType;
import org.yilaoyixiao.guardian.detection.Trigger;

/**
 * The one path every reading takes, from HTTP or MQTT: check each reading (a bad one is rejected with its reason and
 * never stops the rest), store the good ones once (same device + seq again is a duplicate), account for every reading
 * of the batch, and feed what is new to the detectors in event-time order — all in one transaction, so a batch is
 * either wholly accounted for or (on failure) not at all and safe to resend.
 */
@Service
class TelemetryIngestion {

    enum Channel { HTTP, MQTT }

    record Rejected(int index, String reason) {
    }

    record Result(int accepted, int duplicates, List<Rejected> rejected) {
    }

    private record Valid(int index, DeviceDirectory.Device device, Reading reading, Double battery) {
    }

    private final JdbcClient jdbc;
    private final DeviceDirectory devices;
    private final ElderProfiles profiles;
    private final Detectors detectors;
    private final GuardianAlerts alerts;
    private final GuardianSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TelemetryIngestion(JdbcClient jdbc, DeviceDirectory devices, ElderProfiles profiles, Detectors detectors,
                       GuardianAlerts alerts, GuardianSettings settings, TransactionTemplate transactions,
                       Clock clock) {
        this.jdbc = jdbc;
        this.devices = devices;
        this.profiles = profiles;
        this.detectors = detectors;
        this.alerts = alerts;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    Result ingest(Channel channel, Long gatewayId, List<RawReading> batch) {
        List<RawReading> readings = batch == null ? List.of() : batch;
        Instant now = clock.instant();
        List<Valid> valid = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Set<String> seenInBatch = new HashSet<>();
        for (int i = 0; i < readings.size(); i++) {
            RawReading raw = readings.get(i);
            String problem = problem(raw, now);
            if (problem != null) {
                rejected.add(new Rejected(i, problem));
                continue;
            }
            DeviceDirectory.Device device = devices.find(raw.deviceId()).orElse(null);
            if (device == null) {
                rejected.add(new Rejected(i, "UNKNOWN_DEVICE: device " + raw.deviceId() + " is not registered"));
                continue;
            }
            ReadingType type = ReadingType.valueOf(raw.type());
            if (!device.type().sends(type)) {
                rejected.add(new Rejected(i, "WRONG_TYPE: a " + device.type() + " does not send " + type));
                continue;
            }
            if (!seenInBatch.add(raw.deviceId() + "#" + raw.seq())) {
                // the same reading twice in one batch: the second is a duplicate, like a resent batch
                valid.add(new Valid(i, device, null, null));
                continue;
            }
            valid.add(new Valid(i, device, new Reading(raw.deviceId(), device.personId(), type,
                    OffsetDateTime.parse(raw.at()).toInstant(), raw.seq(), raw.lat(), raw.lon(), raw.value()),
                    raw.battery()));
        }
        // two batches touching the same devices can still deadlock in PostgreSQL; the loser is retried whole
        for (int attempt = 1; ; attempt++) {
            try {
                return storeBatch(valid, readings, rejected, channel, gatewayId);
            } catch (org.springframework.dao.PessimisticLockingFailureException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private Result storeBatch(List<Valid> valid, List<RawReading> readings, List<Rejected> rejected, Channel channel,
                              Long gatewayId) {
        return transactions.execute(status -> {
            List<Valid> fresh = store(valid.stream().filter(v -> v.reading() != null).toList());
            int duplicates = valid.size() - fresh.size();
            long batchId = jdbc.sql("""
                            insert into guardian.ingest_batch (channel, gateway_id, readings, accepted, duplicates,
                                rejected) values (:channel, :gateway, :readings, :accepted, :duplicates, :rejected)
                            returning id
                            """).param("channel", channel.name()).param("gateway", gatewayId)
                    .param("readings", readings.size()).param("accepted", fresh.size())
                    .param("duplicates", duplicates).param("rejected", rejected.size()).query(Long.class).single();
            for (Rejected r : rejected) {
                RawReading raw = readings.get(r.index());
                jdbc.sql("insert into guardian.rejected_reading (batch_id, index, device_id, reason)"
                                + " values (:b, :i, :d, :reason)").param("b", batchId).param("i", r.index())
                        .param("d", raw == null || raw.deviceId() == null ? null
                                : raw.deviceId().substring(0, Math.min(64, raw.deviceId().length())))
                        .param("reason", r.reason().length() > 200 ? r.reason().substring(0, 200) : r.reason())
                        .update();
            }
            detect(fresh);
            return new Result(fresh.size(), duplicates, List.copyOf(rejected));
        });
    }

    /** Inserts the readings, skipping those already stored; the ones actually inserted, in event-time order. */
    private List<Valid> store(List<Valid> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        int n = candidates.size();
        String[] deviceIds = new String[n];
        Long[] seqs = new Long[n];
        String[] types = new String[n];
        String[] ats = new String[n];
        Double[] lats = new Double[n];
        Double[] lons = new Double[n];
        Double[] values = new Double[n];
        for (int i = 0; i < n; i++) {
            Reading r = candidates.get(i).reading();
            deviceIds[i] = r.deviceId();
            seqs[i] = r.seq();
            types[i] = r.type().name();
            ats[i] = r.at().toString();
            lats[i] = r.lat();
            lons[i] = r.lon();
            values[i] = r.value();
        }
        Set<String> inserted = new HashSet<>(jdbc.sql("""
                        insert into guardian.reading (device_id, seq, type, at, lat, lon, value)
                        select d, s, t, a::timestamptz, la, lo, v
                        from unnest(cast(:devices as varchar[]), cast(:seqs as bigint[]), cast(:types as varchar[]),
                                    cast(:ats as varchar[]), cast(:lats as float8[]), cast(:lons as float8[]),
                                    cast(:values as float8[])) as x(d, s, t, a, la, lo, v)
                        on conflict (device_id, seq) do nothing
                        returning device_id || '#' || seq
                        """).param("devices", deviceIds).param("seqs", seqs).param("types", types)
                .param("ats", ats).param("lats", lats).param("lons", lons).param("values", values)
                .query(String.class).list());
        return candidates.stream().filter(v -> inserted.contains(v.reading().deviceId() + "#" + v.reading().seq()))
                .sorted(Comparator.comparing((Valid v) -> v.reading().at()).thenComparing(v -> v.reading().seq()))
                .toList();
    }

    private void detect(List<Valid> fresh) {
        DatabaseTimers timers = new DatabaseTimers();
        Map<String, Instant> lastSeen = new java.util.TreeMap<>();
        Map<String, Double> battery = new HashMap<>();
        for (Valid v : fresh) {
            // fresh is in event-time order: the last value seen per device is the latest
            lastSeen.put(v.reading().deviceId(), v.reading().at());
            if (v.battery() != null) {
                battery.put(v.reading().deviceId(), v.battery());
            }
            for (Trigger trigger : detectors.onReading(profiles.profile(v.reading().personId()), v.reading(),
                    timers)) {
                alerts.raise(trigger, v.device().divisionCode());
            }
        }
        devices.seenAll(lastSeen, battery);
        timers.flush(jdbc);
    }

    /** Why a reading cannot be taken, or null. */
    private String problem(RawReading raw, Instant now) {
        if (raw == null) {
            return "EMPTY: the reading is empty";
        }
        if (raw.deviceId() == null || raw.deviceId().isBlank() || raw.deviceId().length() > 64) {
            return "DEVICE_ID: deviceId is missing or longer than 64 characters";
        }
        if (raw.seq() == null || raw.seq() < 0) {
            return "SEQ: seq must be a number ≥ 0";
        }
        ReadingType type;
        try {
            type = ReadingType.valueOf(raw.type() == null ? "" : raw.type());
        } catch (IllegalArgumentException e) {
            return "TYPE: unknown type " + raw.type();
        }
        Instant at;
        try {
            at = raw.at() == null ? null : OffsetDateTime.parse(raw.at()).toInstant();
        } catch (DateTimeParseException e) {
            at = null;
        }
        if (at == null) {
            return "AT: at must be an ISO-8601 time with offset, e.g. 2026-05-04T08:00:00+08:00";
        }
        if (at.isAfter(now.plus(settings.skew()))) {
            return "AT_FUTURE: at is later than now";
        }
        if (at.isBefore(now.minus(settings.oldest()))) {
            return "AT_TOO_OLD: at is older than " + settings.oldest().toDays() + " days";
        }
        if (type == ReadingType.LOCATION && (raw.lat() == null || raw.lon() == null || Math.abs(raw.lat()) > 90
                || Math.abs(raw.lon()) > 180)) {
            return "POSITION: a LOCATION needs lat (−90…90) and lon (−180…180)";
        }
        if ((type == ReadingType.WATER || type == ReadingType.POWER) && raw.value() != null && raw.value() < 0) {
            return "VALUE: a meter reading cannot be negative";
        }
        if (raw.battery() != null && (raw.battery() < 0 || raw.battery() > 100)) {
            return "BATTERY: battery is a percentage 0…100";
        }
        return null;
    }

    static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
