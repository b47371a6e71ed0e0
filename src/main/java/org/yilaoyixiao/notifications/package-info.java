/**
 * 通知 notifications: SMS (through a gateway behind {@code SmsGateway}: an HTTP client, or a local log where no gateway
 * is configured), webhooks to named partner endpoints (e.g. the county public-security bureau) and in-app messages to
 * the staff of a division, sent from an outbox exactly once per idempotency key, with retries.
 */
package org.yilaoyixiao.notifications;
