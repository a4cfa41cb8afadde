package org.pramaan.backscan;

/** Where a scan job stands. Only {@link #RUNNING} jobs are worked on; the last three never change again. */
public enum ScanState {
    RUNNING,
    PAUSED,
    CANCELLED,
    FINISHED,
    FAILED;

    /** Cancelled, finished or failed: no transition leaves these. */
    public boolean terminal() {
        return this == CANCELLED || this == FINISHED || this == FAILED;
    }
}
