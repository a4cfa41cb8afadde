package org.pramaan.notify;

import java.util.Locale;

/** The messages sent to people about a case, and who receives each. */
public enum MessageKind {
    /** IT Rules r.3(2)(a)(i), r.4(6); DSA art.16(4): receipt confirmed with the tracking number and clock. */
    ACKNOWLEDGEMENT(Recipient.COMPLAINANT),
    /** DSA art.16(2)-(3), 47 U.S.C. §223a(a)(2): what the notice still lacks; its clock starts once complete. */
    INFORMATION_REQUESTED(Recipient.COMPLAINANT),
    /** DSA art.16(5): the notifier is told the decision. */
    DECISION(Recipient.COMPLAINANT),
    /** MeitY NCII SOP (Oct 2025): the victim is told when removed content resurfaces and is blocked. */
    RESURFACED(Recipient.COMPLAINANT),
    /** DSA art.17(1): the affected uploader gets the statement of reasons, with how to appeal (art.17(3)(f)). */
    RESTRICTION(Recipient.UPLOADER),
    /** DSA art.20(4): a reversal is communicated to the uploader. */
    RESTORED(Recipient.UPLOADER),
    /** DSA art.20(5): the appellant is told the reasoned decision. */
    APPEAL_DECIDED(Recipient.UPLOADER),
    /** DSA art.23(1): a warning before any suspension. */
    ACCOUNT_WARNED(Recipient.UPLOADER),
    /** DSA art.23(1): suspension for a reasonable period, with its reasons. */
    ACCOUNT_SUSPENDED(Recipient.UPLOADER);

    /** Who a message is for. */
    public enum Recipient {
        COMPLAINANT,
        UPLOADER
    }

    private final Recipient recipient;

    MessageKind(Recipient recipient) {
        this.recipient = recipient;
    }

    public Recipient recipient() {
        return recipient;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
