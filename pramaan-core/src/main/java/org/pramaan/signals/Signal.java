package org.pramaan.signals;

import java.util.Map;
import java.util.Objects;

/**
 * One piece of evidence.
 *
 * @param type       what kind of evidence
 * @param value      its value as found (a hash, a URI, a label code, a generator name)
 * @param strength   how much it can carry alone
 * @param location   where it was found, e.g. {@code "JPEG APP1 XMP @ offset 20"}, {@code "PNG tEXt 'parameters'"}
 * @param attributes further facts (quality, parsed AIGC fields, …); never null
 */
public record Signal(
        SignalType type, String value, SignalStrength strength, String location, Map<String, String> attributes) {
    public Signal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(strength, "strength");
        Objects.requireNonNull(location, "location");
        attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes"));
    }

    public Signal(SignalType type, String value, SignalStrength strength, String location) {
        this(type, value, strength, location, Map.of());
    }
}
