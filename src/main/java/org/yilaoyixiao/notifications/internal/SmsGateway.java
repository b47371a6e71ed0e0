package org.yilaoyixiao.notifications.internal;

/** An SMS gateway. Throws {@link DeliveryFailed} when the message was not accepted, so it is retried. */
interface SmsGateway {

    void send(String phone, String text, String reference);

    final class DeliveryFailed extends RuntimeException {
        DeliveryFailed(String message) {
            super(message);
        }
    }
}
