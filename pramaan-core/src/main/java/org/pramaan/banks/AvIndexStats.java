package org.pramaan.banks;

/**
 * Sizes of the banked video and audio indexes, for status and benchmarks.
 *
 * @param videos          banked items with vPDQ frames
 * @param frames          frames in the frame index (matchable, the first of each hash per video)
 * @param frameIndexBytes bytes of the frame index's arrays
 * @param sounds          banked audio fingerprints
 * @param audioIndexBytes bytes of the sub-fingerprint postings and directories
 */
public record AvIndexStats(int videos, long frames, long frameIndexBytes, int sounds, long audioIndexBytes) {}
