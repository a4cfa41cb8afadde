package org.pramaan.fuzz;

/**
 * What every target asserts besides "no other exception": a refusal names its problem, and a result
 * stays inside the input (DEV-GUIDELINES 5 and 6). A violation is an AssertionError, which Jazzer
 * reports as a finding like any uncaught throwable.
 */
public final class Contract {
    private Contract() {}

    /** A documented refusal must say what was wrong. */
    public static void refused(Exception e) {
        if (e.getMessage() == null || e.getMessage().isBlank())
            throw new AssertionError("refusal without a message: " + e, e);
    }

    public static void check(boolean ok, String what) {
        if (!ok) throw new AssertionError(what);
    }

    /** A range a walker reports must lie inside the input. */
    public static void inside(long offset, long length, long size, String what) {
        if (offset < 0 || length < 0 || offset + length > size)
            throw new AssertionError(
                    what + " at " + offset + "+" + length + " lies outside the " + size + " input bytes");
    }
}
