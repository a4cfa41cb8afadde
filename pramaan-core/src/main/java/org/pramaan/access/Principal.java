package org.pramaan.access;

/**
 * An authenticated caller.
 *
 * @param trustedFlagger the key belongs to a DSA art.22 trusted flagger (from the stored key, set by an admin)
 */
public record Principal(String keyId, Role role, String label, boolean trustedFlagger) {
    public Principal(String keyId, Role role, String label) {
        this(keyId, role, label, false);
    }

    public boolean can(Permission p) {
        return role.can(p);
    }
}
