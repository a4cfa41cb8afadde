/**
 * Not API: fast paths and signal-processing stages behind the public {@code org.pramaan.hash} types,
 * public only so that package can call them; other packages must not.
 * <ul>
 *   <li>{@link org.pramaan.hash.PdqIndex}: packed 256-bit hashes in flat {@code long[]} arrays (no
 *   per-hash objects), an exact multi-index (16 × 16-bit chunks) for radius ≤ 31, a batched
 *   brute-force scan for larger radii, an append-only delta with tombstones, and a checksummed
 *   snapshot file.</li>
 *   <li>{@link org.pramaan.hash.AudioFingerprinter} and {@link org.pramaan.hash.AudioMatcher}: the
 *   resampler, FFT, chroma and classifiers, and the offset search.</li>
 * </ul>
 */
package org.pramaan.hash.internal;
