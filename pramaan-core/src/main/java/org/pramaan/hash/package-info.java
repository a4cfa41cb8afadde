/**
 * Exact and perceptual hashes (PDQ for images, a Chromaprint-class fingerprint for audio) and hash
 * banks used for re-upload prevention (IT Rules r.4(4)).
 */
package org.pramaan.hash;
