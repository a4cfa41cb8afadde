/**
 * Provenance and origin metadata: IPTC digital source type in XMP, the GB 45438-2025 implicit
 * {@code AIGC} label, generator traces (AUTOMATIC1111, ComfyUI, …), EXIF, and C2PA manifest
 * presence. Reading is bounded and never throws on malformed metadata; writing
 * ({@link org.pramaan.provenance.MetadataEmbedder}) serves generator-side labelling and tests.
 */
package org.pramaan.provenance;
