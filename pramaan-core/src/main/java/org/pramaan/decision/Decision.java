package org.pramaan.decision;

/** What the platform does with an upload. */
public enum Decision {
    ALLOW,
    LABEL,
    REVIEW,
    BLOCK
}
