package org.pramaan.provenance.c2pa;

/**
 * A manifest store that cannot be read at all (as opposed to one that reads but fails validation,
 * which is a {@link ValidationState#INVALID} result). {@code code} is stable: {@code jumbf.malformed},
 * {@code claim.malformed}, {@code algorithm.unsupported}, {@code manifest.prerelease},
 * {@code asset.invalid}, {@code limit.exceeded} …
 */
public final class C2paException extends Exception {
    private final String code;

    public C2paException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
