package org.yilaoyixiao.services;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A synchronous listener like the love card's: records every order event, and throws for the people a test marks as
 * refusing payment, so that tests can see the transition roll back with it. Lives in the test classes, so the shared
 * test context has it and the application does not.
 */
@Component
public class OrderEventsProbe {

    private final List<Object> events = new CopyOnWriteArrayList<>();
    private final Set<Long> refusing = ConcurrentHashMap.newKeySet();

    @EventListener
    void completed(ServiceOrderCompleted event) {
        if (refusing.contains(event.personId())) {
            throw new IllegalStateException("payment refused for person " + event.personId());
        }
        events.add(event);
    }

    @EventListener
    void cancelled(ServiceOrderCancelled event) {
        if (refusing.contains(event.personId())) {
            throw new IllegalStateException("refund refused for person " + event.personId());
        }
        events.add(event);
    }

    public void refuse(long personId) {
        refusing.add(personId);
    }

    public void accept(long personId) {
        refusing.remove(personId);
    }

    public List<ServiceOrderCompleted> completed(long orderId) {
        return events.stream().filter(e -> e instanceof ServiceOrderCompleted c && c.orderId() == orderId)
                .map(ServiceOrderCompleted.class::cast).toList();
    }

    public List<ServiceOrderCancelled> cancelled(long orderId) {
        return events.stream().filter(e -> e instanceof ServiceOrderCancelled c && c.orderId() == orderId)
                .map(ServiceOrderCancelled.class::cast).toList();
    }
}
