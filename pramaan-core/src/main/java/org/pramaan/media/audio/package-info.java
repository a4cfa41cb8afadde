/**
 * Decoding accepted audio to plain PCM values: a pure-Java reader for PCM WAV (compressed formats go
 * through the FFmpeg module). The output is mono float samples and a rate, what the audio fingerprint takes.
 */
package org.pramaan.media.audio;
