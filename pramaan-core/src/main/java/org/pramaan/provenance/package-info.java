/**
 * Provenance and origin metadata: IPTC digital source type in XMP, the GB 45438-2025 implicit
 * {@code AIGC} label, generator traces (AUTOMATIC1111, ComfyUI, …), EXIF, and validated C2PA manifests
 * (read by {@link org.pramaan.provenance.c2pa}, turned into signals by {@code C2paSignals}). Reading is bounded and never throws on malformed metadata; writing
 * ({@link org.pramaan.provenance.MetadataEmbedder}) serves generator-side labelling and tests.
 */
package org.pramaan.provenance;
