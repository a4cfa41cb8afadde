/**
 * Signals: the evidence found in or about a file (hashes, provenance metadata, generator traces,
 * declarations, bank matches), each with its strength and where it was found. Extractors are
 * plug-ins behind {@link org.pramaan.detection.SignalExtractor}.
 */
package org.pramaan.detection;
