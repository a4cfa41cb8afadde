package org.pramaan.notify;

/** How a message leaves Pramaan; each has one {@link Sender} adapter. */
public enum Channel {
    /** HMAC-signed HTTP POST to the host platform, which acts on it or relays it to its user in-app. */
    WEBHOOK,
    /** E-mail over SMTP to a complainant who gave an address. */
    EMAIL,
    /** DSA art.24(5): statements of reasons to the Commission's Transparency Database API. */
    TRANSPARENCY_DB
}
