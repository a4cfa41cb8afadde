package org.pramaan.cases;

/** Open until an action settles it. */
public enum CaseState {
    OPEN,
    CLOSED
}
