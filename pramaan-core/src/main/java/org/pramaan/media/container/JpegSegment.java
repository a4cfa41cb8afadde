package org.pramaan.media.container;

/**
 * One marker segment of a JPEG file (ITU-T T.81 §B.1.1.4).
 *
 * @param marker        the marker's second byte (0xE1 = APP1, 0xEB = APP11, 0xC0 = SOF0, 0xDA = SOS …)
 * @param offset        where the 0xFF of the marker is
 * @param payloadOffset where the bytes after the 2-byte length field start
 * @param payloadLength bytes of payload (the length field minus 2); 0 for stand-alone markers
 */
public record JpegSegment(int marker, long offset, long payloadOffset, int payloadLength) {
    public boolean isApp(int n) {
        return marker == 0xE0 + n;
    }

    /** Start-of-frame markers carry the frame size: SOF0-3, 5-7, 9-11, 13-15 (T.81 Table B.1). */
    public boolean isStartOfFrame() {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }
}
