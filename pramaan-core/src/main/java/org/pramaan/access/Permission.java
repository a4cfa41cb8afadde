package org.pramaan.access;

/** Operations guarded by roles. */
public enum Permission { MEDIA_SUBMIT, MEDIA_READ, NOTICE_SUBMIT, CASE_READ, CASE_ACT, BANKS_READ, BANKS_WRITE, AUDIT_READ, KEYS_ADMIN }
