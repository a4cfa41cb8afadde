package org.pramaan.media;

/** Media types Pramaan recognises by magic bytes. The file name never decides the type. */
public enum MediaType {
    JPEG(MediaKind.IMAGE, "image/jpeg"),
    PNG(MediaKind.IMAGE, "image/png"),
    WEBP(MediaKind.IMAGE, "image/webp"),
    GIF(MediaKind.IMAGE, "image/gif"),
    TIFF(MediaKind.IMAGE, "image/tiff"),
    HEIF(MediaKind.IMAGE, "image/heif"),
    AVIF(MediaKind.IMAGE, "image/avif"),
    MP4(MediaKind.VIDEO, "video/mp4"),
    MOV(MediaKind.VIDEO, "video/quicktime"),
    WEBM(MediaKind.VIDEO, "video/webm"),
    MKV(MediaKind.VIDEO, "video/x-matroska"),
    WAV(MediaKind.AUDIO, "audio/wav"),
    MP3(MediaKind.AUDIO, "audio/mpeg"),
    FLAC(MediaKind.AUDIO, "audio/flac"),
    OGG(MediaKind.AUDIO, "audio/ogg"),
    M4A(MediaKind.AUDIO, "audio/mp4");

    private final MediaKind kind;
    private final String mimeType;

    MediaType(MediaKind kind, String mimeType) {
        this.kind = kind;
        this.mimeType = mimeType;
    }

    public MediaKind kind() {
        return kind;
    }

    public String mimeType() {
        return mimeType;
    }
}
