package org.pramaan.provenance;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.pramaan.media.container.Id3Frames;
import org.pramaan.media.container.Id3TagWriter;

/**
 * The GB 45438 label in an MP3: an ID3v2 {@code TXXX} frame with description {@code AIGC} and the
 * JSON as value (TC260 practice guide for audio files). Earlier {@code TXXX AIGC} frames are dropped,
 * every other frame and the audio frames are copied unchanged (by {@link Id3TagWriter}).
 */
public final class Id3LabelWriter {
    private Id3LabelWriter() {}

    public static byte[] write(byte[] mp3, String aigcJson) throws IOException {
        int version = mp3.length >= 10 && mp3[0] == 'I' && mp3[1] == 'D' && mp3[2] == '3' ? mp3[3] : 4;
        return Id3TagWriter.replace(
                        mp3,
                        f -> isAigc(mp3, f, version),
                        List.of(new Id3TagWriter.NewFrame("TXXX", Id3Text.txxxData("AIGC", aigcJson, version))))
                .bytes();
    }

    private static boolean isAigc(byte[] mp3, Id3Frames.Frame f, int version) {
        if (!f.id().equals("TXXX")) return false;
        byte[] header = Arrays.copyOfRange(mp3, (int) f.offset(), (int) f.offset() + 10);
        byte[] d = Id3Text.frameData(
                header,
                Arrays.copyOfRange(mp3, (int) f.dataOffset(), (int) (f.dataOffset() + f.length())),
                version,
                false);
        Id3Text.Txxx t = d == null ? null : Id3Text.txxx(d);
        return t != null && t.description().equals("AIGC");
    }
}
