package org.yilaoyixiao.registry.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.registry.PersonTimelineSource;
import org.yilaoyixiao.registry.TimelineEntry;

/**
 * A person's timeline: the registry's own dated facts (registered, died) and whatever the other modules contribute
 * through {@link PersonTimelineSource}, newest first. Read within the caller's scope and audited as a read of
 * personal data.
 */
@Service
class PersonTimeline {

    record Event(String date, Instant recordedAt, String module, String kind, String title, String reference) {
    }

    private final PersonRegister register;
    private final List<PersonTimelineSource> sources;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final ActorNames actors;
    private final org.yilaoyixiao.divisions.DivisionDirectory divisions;

    PersonTimeline(PersonRegister register, List<PersonTimelineSource> sources, JdbcClient jdbc,
                   MessageSource messages, AuditTrail audit, ActorNames actors,
                   org.yilaoyixiao.divisions.DivisionDirectory divisions) {
        this.divisions = divisions;
        this.actors = actors;
        this.register = register;
        this.sources = sources;
        this.jdbc = jdbc;
        this.messages = messages;
        this.audit = audit;
    }

    List<Event> of(long personId, CurrentUser actor, Locale locale) {
        PersonRecord person = register.readable(personId, actor);
        List<TimelineEntry> entries = new ArrayList<>(own(person, locale));
        sources.forEach(source -> entries.addAll(source.timeline(personId)));
        audit.record(AuditRecord.success("PERSON_TIMELINE_READ", "person:" + personId, "entries=" + entries.size()));
        return entries.stream()
                .sorted(Comparator.comparing(TimelineEntry::date).thenComparing(TimelineEntry::recordedAt,
                        Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
                .map(e -> new Event(e.date().toString(), e.recordedAt(), e.module(), e.kind(),
                        messages.getMessage(e.titleKey(), e.titleArgs().stream().map(a -> readable(a, locale))
                                .toArray(), e.titleKey(), locale),
                        e.reference()))
                .toList();
    }

    /**
     * A title argument as the reader reads it: a 区划代码 by the division's name, an economic status by its word;
     * anything else (names, dates, amounts) as given.
     */
    private String readable(String argument, Locale locale) {
        if (argument == null) {
            return "";
        }
        if (argument.matches("[0-9]{6}([0-9]{3}){0,2}")) {
            return divisions.find(argument).map(d -> d.name()).orElse(argument);
        }
        if (argument.matches("[A-Z][A-Z_]+")) {
            for (String prefix : List.of("economic-status.", "record-status.")) {
                String word = messages.getMessage(prefix + argument, null, null, locale);
                if (word != null) {
                    return word;
                }
            }
        }
        return argument;
    }

    private List<TimelineEntry> own(PersonRecord person, Locale locale) {
        List<TimelineEntry> entries = new ArrayList<>();
        String createdBy = jdbc.sql("select created_by from registry.person where id = :id").param("id", person.id())
                .query(String.class).single();
        entries.add(new TimelineEntry(person.createdAt().atZone(org.yilaoyixiao.platform.time.BusinessTime.ZONE).toLocalDate(),
                person.createdAt(), "registry", "REGISTERED", "timeline.registry.registered", List.of(actors.of(createdBy, locale)),
                "person:" + person.id()));
        if (person.deathDate() != null) {
            entries.add(new TimelineEntry(person.deathDate(), person.updatedAt(), "registry", "DECEASED",
                    "timeline.registry.deceased", List.of(), "person:" + person.id()));
        }
        return entries;
    }
}
