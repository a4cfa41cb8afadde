/**
 * Sender adapters for the notification outbox ({@link org.pramaan.notify}): HMAC-signed webhooks
 * and the EU Transparency Database over the JDK's HTTP client, and e-mail over SMTP (Jakarta Mail).
 */
package org.pramaan.delivery;
