package org.yilaoyixiao.exchange.internal;

/** Hands one payload to the province platform; throws {@link Failed} when it was not accepted. */
interface ProvinceDelivery {

    void deliver(String kind, String idempotencyKey, String payload);

    final class Failed extends RuntimeException {
        Failed(String message) {
            super(message);
        }
    }
}
