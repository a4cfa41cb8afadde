package org.pramaan.provenance.c2pa;

/**
 * C2PA 2.2 §14.3 states as the reference SDK names them: Invalid when any failure other than an
 * untrusted credential is present; Valid when signatures and bindings hold; Trusted when, in addition,
 * the signer chains to a configured anchor and no ingredient reports a failure.
 */
public enum ValidationState {
    INVALID("Invalid"),
    VALID("Valid"),
    TRUSTED("Trusted");

    private final String display;

    ValidationState(String display) {
        this.display = display;
    }

    /** The reference JSON spelling. */
    public String display() {
        return display;
    }
}
