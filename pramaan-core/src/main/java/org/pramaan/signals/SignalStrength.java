package org.pramaan.signals;

/**
 * How much a signal can carry on its own.
 * <ul>
 *   <li>{@link #STRONG}: a standard, machine-readable assertion of origin (IPTC digital source type,
 *       GB 45438 label, a hash match); enough to confirm.</li>
 *   <li>{@link #MODERATE}: specific to generators but unauthenticated and easy to forge or strip
 *       (AUTOMATIC1111 parameters, ComfyUI workflows); enough to suspect.</li>
 *   <li>{@link #WEAK}: low-trust hints (EXIF Software naming an AI tool); never decisive alone.</li>
 *   <li>{@link #INFO}: identifies the file but says nothing about synthesis (hashes, a manifest's
 *       bare presence).</li>
 * </ul>
 */
public enum SignalStrength {
    STRONG,
    MODERATE,
    WEAK,
    INFO
}
