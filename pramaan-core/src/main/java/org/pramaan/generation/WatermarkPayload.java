package org.pramaan.generation;

import java.util.OptionalInt;

/**
 * The 32 bits our keyed watermark carries for a generation (docs/watermark.md, "Payload"): the
 * operator id in the top {@value #OPERATOR_BITS} bits, the record's store-assigned number in the low
 * {@value #NUMBER_BITS}. The operator part lets several services share one detection key and still
 * tell their outputs apart. Numbers start at 1 (an all-zero payload is never issued); a number
 * beyond {@link #MAX_NUMBER} does not fit, and then no watermark is applied or claimed (the record
 * does not list it) rather than one that would name another record: lookup still finds such outputs
 * by metadata and by the {@code generated} bank.
 */
public final class WatermarkPayload {
    public static final int OPERATOR_BITS = 12, NUMBER_BITS = 20;
    public static final int MAX_OPERATOR = (1 << OPERATOR_BITS) - 1;
    public static final long MAX_NUMBER = (1L << NUMBER_BITS) - 1;

    private WatermarkPayload() {}

    /** The payload for record {@code number} of {@code operator}; empty when the number does not fit. */
    public static OptionalInt of(int operator, long number) {
        checkOperator(operator);
        if (number < 1 || number > MAX_NUMBER) return OptionalInt.empty();
        return OptionalInt.of(operator << NUMBER_BITS | (int) number);
    }

    public static int operator(long payload) {
        return (int) (payload >>> NUMBER_BITS) & MAX_OPERATOR;
    }

    public static long number(long payload) {
        return payload & MAX_NUMBER;
    }

    public static void checkOperator(int operator) {
        if (operator < 0 || operator > MAX_OPERATOR)
            throw new IllegalArgumentException("watermark operator id must be 0-" + MAX_OPERATOR + ", was " + operator);
    }
}
