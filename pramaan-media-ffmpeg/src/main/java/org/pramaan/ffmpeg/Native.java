package org.pramaan.ffmpeg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.Loader;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.RejectionCode;

/** Library loading, log silencing and error text shared by the decoders. */
final class Native {
    /** Linux errno EAGAIN; FFmpeg's AVERROR(e) is -e on POSIX systems. */
    static final int AVERROR_EAGAIN = -11;

    /**
     * Demuxers an upload may use. Without a list FFmpeg picks any of its ~350 demuxers by content,
     * including playlists (HLS, concat, image sequences) that open further files or URLs named
     * inside the upload: a file-read and SSRF hole (FFmpeg security advisories on HLS/concat).
     * Names are those of {@code ffmpeg -demuxers}; the mov demuxer covers MP4/MOV/M4A/3GP.
     */
    static final String DEMUXERS =
            "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi,mpegts,flv,ogg,mpeg,asf,ivf,gif,wav,mp3,flac,aac";
    /** Only the upload itself is read: no nested protocols (http, tcp, concat, subfile, data). */
    static final String PROTOCOLS = "file";

    private Native() {}

    static {
        // Loads the .so files out of the classifier jar into ~/.javacpp/cache (no download).
        Loader.load(avutil.class);
        // FFmpeg logs every damaged packet to stderr; a corrupt upload would flood the logs. Errors
        // reach the caller through return codes instead.
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
    }

    static void init() {
        /* runs the static initialiser */
    }

    static String error(int code) {
        byte[] buf = new byte[256];
        if (avutil.av_strerror(code, buf, buf.length) < 0) return "FFmpeg error " + code;
        int n = 0;
        while (n < buf.length && buf[n] != 0) n++;
        return new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8) + " (FFmpeg " + code + ")";
    }

    /** Refuses what FFmpeg need not see: a missing, unreadable or zero-length file. */
    static void preflight(Path file) throws MediaRejectedException {
        try {
            if (!Files.isRegularFile(file))
                throw new MediaRejectedException(RejectionCode.UNREADABLE, file + ": not a regular file");
            if (Files.size(file) == 0)
                throw new MediaRejectedException(RejectionCode.EMPTY, file + ": the file is empty (0 bytes)");
        } catch (IOException e) {
            throw new MediaRejectedException(RejectionCode.UNREADABLE, file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
