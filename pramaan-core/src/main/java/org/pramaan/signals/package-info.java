/**
 * Step 2 of the flow, signals: the evidence found in or about a file (digests, PDQ, vPDQ, audio
 * fingerprints, bank matches, provenance metadata, C2PA, watermarks, the uploader's declaration),
 * each with its strength and where it was found. Every source is a
 * {@link org.pramaan.signals.SignalExtractor}; the engines that compute them live beside the flow
 * ({@code hash}, {@code provenance}, {@code watermark}, {@code media}).
 */
package org.pramaan.signals;
