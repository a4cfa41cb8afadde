package org.pramaan.access;

/**
 * Operations guarded by roles. {@code PROVENANCE_SIGN} is separate from media submission because a
 * signature with the platform's C2PA key is a statement the platform makes about the content.
 */
public enum Permission {
    MEDIA_SUBMIT,
    MEDIA_READ,
    NOTICE_SUBMIT,
    CASE_READ,
    CASE_ACT,
    BANKS_READ,
    BANKS_WRITE,
    AUDIT_READ,
    KEYS_ADMIN,
    PROVENANCE_SIGN,
    /**
     * Enrol and remove protected persons (the likeness registry, issue 16): their consent records
     * and face embeddings are special-category personal data, so only admins hold it.
     */
    PERSONS_ADMIN
}
