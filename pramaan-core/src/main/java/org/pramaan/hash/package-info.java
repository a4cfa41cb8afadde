/**
 * Exact and perceptual hashes (PDQ for images, vPDQ for video frames, a Chromaprint-class
 * fingerprint for audio), vPDQ matching with clip alignment, and hash banks used for re-upload
 * prevention (IT Rules r.4(4)).
 */
package org.pramaan.hash;
