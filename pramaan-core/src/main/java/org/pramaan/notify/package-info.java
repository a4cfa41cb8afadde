/**
 * Outbound messages about cases: signed webhooks to the host platform, e-mails and in-app notices
 * to complainants and uploaders, and statements of reasons to the EU Transparency Database.
 *
 * <p>Messages are written to a durable outbox in the same transaction as the case change that
 * caused them (so a crash never loses one or sends one for a change that did not commit), and a
 * {@link org.pramaan.notify.Dispatcher} delivers them at least once, with retries and backoff,
 * moving what keeps failing to a dead-letter list that an operator can see and retry. Receivers
 * deduplicate by the event id every message carries.
 */
package org.pramaan.notify;
