package org.pramaan.likeness;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** An L2-normalised embedding, immutable (its array is copied in and out); equal by value. */
public final class Vector {
    /** Longest embedding stored: face models give 128..512 numbers. */
    public static final int MAX_DIMS = 4096;

    private final float[] values;

    private Vector(float[] values) {
        this.values = values;
    }

    /**
     * A copy of {@code values}, which must already be of unit length (within float rounding).
     *
     * @throws IllegalArgumentException 2..{@value #MAX_DIMS} finite values whose length is not 1
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Vector of(float[] values) {
        if (values.length < 2 || values.length > MAX_DIMS)
            throw new IllegalArgumentException("an embedding has 2.." + MAX_DIMS + " values, got " + values.length);
        double sum = 0;
        for (float v : values) {
            if (!Float.isFinite(v)) throw new IllegalArgumentException("an embedding's values are finite");
            sum += (double) v * v;
        }
        if (Math.abs(Math.sqrt(sum) - 1) > 1e-3)
            throw new IllegalArgumentException("an embedding is L2-normalised; its length is " + Math.sqrt(sum));
        return new Vector(values.clone());
    }

    public int dims() {
        return values.length;
    }

    /** Cosine similarity with {@code other} (both unit length: their dot product); -1..1. */
    public double cosine(Vector other) {
        if (other.values.length != values.length)
            throw new IllegalArgumentException(
                    "embeddings of " + values.length + " and " + other.values.length + " values do not compare");
        double dot = 0;
        for (int i = 0; i < values.length; i++) dot += (double) values[i] * other.values[i];
        return Math.max(-1, Math.min(1, dot));
    }

    @JsonValue
    public float[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vector v && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Vector[" + values.length + " dims]";
    }
}
