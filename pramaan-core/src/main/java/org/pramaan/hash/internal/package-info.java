/**
 * Fast paths behind {@link org.pramaan.hash.PdqIndex}: packed 256-bit hashes in flat {@code long[]}
 * arrays (no per-hash objects), an exact multi-index (16 × 16-bit chunks) for radius ≤ 31, a
 * batched brute-force scan for larger radii, an append-only delta with tombstones, and a
 * checksummed snapshot file. Not API: only {@code org.pramaan.hash} uses it.
 */
package org.pramaan.hash.internal;
