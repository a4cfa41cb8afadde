/**
 * Exact and perceptual hashes (PDQ for images, vPDQ for video frames), vPDQ matching with clip
 * alignment, and hash banks used for re-upload prevention (IT Rules r.4(4)).
 */
package org.pramaan.hash;
