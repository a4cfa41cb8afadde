/**
 * Hash banks, beside the flow: named banks of removed, known-deepfake, NCII, allow-list and partner
 * hashes, their curation, import/export and matching (the PDQ index and the vPDQ/audio scans come
 * from the {@code hash} engine). Bank matches reach the flow as signals.
 */
package org.pramaan.banks;
