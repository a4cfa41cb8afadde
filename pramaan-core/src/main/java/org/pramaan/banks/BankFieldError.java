package org.pramaan.banks;

/** A bad import line's problem with the field it lies in (hash, quality, sha256 …), for the import preview's list. */
final class BankFieldError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    final String field;

    BankFieldError(String field, String message) {
        super(message);
        this.field = field;
    }
}
