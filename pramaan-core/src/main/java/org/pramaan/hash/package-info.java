/** Exact and perceptual hashes (PDQ) and hash banks used for re-upload prevention (IT Rules r.4(4)). */
package org.pramaan.hash;
