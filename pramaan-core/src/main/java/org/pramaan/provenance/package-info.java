/**
 * Provenance and origin metadata: IPTC digital source type in XMP, the GB 45438-2025 implicit
 * {@code AIGC} label, generator traces (AUTOMATIC1111, ComfyUI, …), EXIF, and validated C2PA manifests
 * (read by {@link org.pramaan.provenance.c2pa}, turned into signals by {@code signals.C2paSignals}). Reading is bounded and never throws on malformed metadata
 * ({@link org.pramaan.labels.MetadataLabels} gives the labels alone). Writing
 * ({@link org.pramaan.labels.MetadataWriter}: JPEG, PNG, MP4 XMP; MP3 TXXX; WAV chunk) serves
 * generators and distribution platforms (GB 45438 propagation) and is built on the container
 * writers of {@code org.pramaan.media.container}; {@link org.pramaan.provenance.MetadataEmbedder}
 * makes labelled media for tests.
 */
package org.pramaan.provenance;
