package org.yilaoyixiao.guardian.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.yilaoyixiao.divisions.DivisionDirectory;

/**
 * Server-sent events for the live alert board: each open board holds an emitter for its user's scope; when an alert
 * in that scope opens or changes (after the change commits) the board is told to refresh its rows.
 */
@Component
class AlertStream {

    /** An alert opened, was triggered again or changed status. */
    record AlertChanged(long alertId, String divisionCode) {
    }

    private static final long TIMEOUT = Duration.ofMinutes(30).toMillis();

    private final DivisionDirectory divisions;
    private final Map<SseEmitter, String> boards = new ConcurrentHashMap<>();

    AlertStream(DivisionDirectory divisions) {
        this.divisions = divisions;
    }

    SseEmitter open(String scope) {
        SseEmitter emitter = new SseEmitter(TIMEOUT);
        boards.put(emitter, scope);
        emitter.onCompletion(() -> boards.remove(emitter));
        emitter.onTimeout(() -> boards.remove(emitter));
        emitter.onError(e -> boards.remove(emitter));
        send(emitter, "hello", "0");
        return emitter;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AlertChanged change) {
        boards.forEach((emitter, scope) -> {
            if (divisions.isWithin(scope, change.divisionCode())) {
                send(emitter, "alert", Long.toString(change.alertId()));
            }
        });
    }

    int open() {
        return boards.size();
    }

    private void send(SseEmitter emitter, String name, String data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data));
        } catch (IOException | IllegalStateException e) {
            boards.remove(emitter);
        }
    }
}
