package org.pramaan.access;

/** An authenticated caller. */
public record Principal(String keyId, Role role, String label) {
    public boolean can(Permission p) { return role.can(p); }
}
