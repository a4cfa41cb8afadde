package org.pramaan.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a key may do. Least privilege: an ingest key (the platform's upload path) cannot act on cases. */
public enum Role {
    ADMIN(EnumSet.allOf(Permission.class)),
    REVIEWER(EnumSet.of(Permission.MEDIA_READ, Permission.NOTICE_SUBMIT, Permission.CASE_READ, Permission.CASE_ACT,
            Permission.BANKS_READ, Permission.BANKS_WRITE)),
    INGEST(EnumSet.of(Permission.MEDIA_SUBMIT, Permission.MEDIA_READ, Permission.NOTICE_SUBMIT, Permission.PROVENANCE_SIGN));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) { this.permissions = permissions; }

    public boolean can(Permission p) { return permissions.contains(p); }

    public String wireName() { return name().toLowerCase(Locale.ROOT); }

    public static Role parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + s + "': use admin, reviewer or ingest");
        }
    }
}
