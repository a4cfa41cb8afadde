/**
 * Not API: the signal-processing stages behind {@link org.pramaan.hash.AudioFingerprinter} (resampler,
 * FFT, chroma, classifiers) and the offset search behind {@link org.pramaan.hash.AudioMatcher}. Public
 * only so the hash package can call them; other packages must not.
 */
package org.pramaan.hash.internal;
