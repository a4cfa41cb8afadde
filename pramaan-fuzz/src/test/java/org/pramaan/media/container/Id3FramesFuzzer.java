package org.pramaan.media.container;

import org.pramaan.fuzz.Contract;
import org.pramaan.media.MediaSource;

/** ID3v2.3/2.4 frames and GEOB payloads: frames inside the tag, GEOB parsed or empty, never an exception. */
public final class Id3FramesFuzzer {
    private Id3FramesFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) throws Exception {
        MediaSource src = MediaSource.of(data);
        Id3Frames.Result r = Id3Frames.walk(src);
        for (Id3Frames.Frame f : r.frames()) {
            Contract.inside(f.dataOffset(), f.length(), data.length, "frame " + f.id());
            if (f.id().equals("GEOB")) Id3Frames.geob(src.read(f.dataOffset(), (int) f.length()));
        }
        Id3Frames.geob(data); // the GEOB payload parser on raw bytes as well
    }
}
