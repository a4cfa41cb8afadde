package org.pramaan.access;

import java.util.Locale;

/** What a key may do. Least privilege: an ingest key (the platform's upload path) cannot act on cases. */
public enum Role {
    ADMIN,
    REVIEWER,
    INGEST;

    /** A switch rather than a set per constant: an enum is shared by every thread, so it holds nothing mutable. */
    public boolean can(Permission p) {
        return switch (this) {
            case ADMIN -> true;
            case REVIEWER ->
                switch (p) {
                    case MEDIA_READ, NOTICE_SUBMIT, CASE_READ, CASE_ACT, BANKS_READ, BANKS_WRITE -> true;
                    default -> false;
                };
            case INGEST ->
                switch (p) {
                    case MEDIA_SUBMIT, MEDIA_READ, NOTICE_SUBMIT, PROVENANCE_SIGN -> true;
                    default -> false;
                };
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + s + "': use admin, reviewer or ingest");
        }
    }
}
