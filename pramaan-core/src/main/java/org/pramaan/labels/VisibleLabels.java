package org.pramaan.labels;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.pramaan.media.Dimensions;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;
import org.pramaan.media.MediaType;
import org.pramaan.provenance.c2pa.C2paSigner;
import org.pramaan.provenance.c2pa.ManifestRequest;

/**
 * Puts a profile's explicit label on a file: pixels for JPEG, PNG and WebP (with a {@link WebpEncoder}),
 * the rhythm prompt for 16-bit WAV,
 * the text marker for UTF-8 text. Afterwards the implicit labels the input carried are written back
 * (re-encoding drops them) and, when the input was C2PA-signed and a signer is given, the output is
 * re-signed with the input's manifest as its parent and the label recorded as {@code c2pa.edited}
 * after {@code c2pa.opened} (C2PA 2.2 §18.14, actions: {@code c2pa.edited} covers editorial changes to
 * the content, which a drawn overlay is; {@code c2pa.watermarked} is for an invisible watermark used
 * as a soft binding, which this is not), with the software agent {@value #AGENT}. Nothing is written
 * anywhere: the caller stores the bytes.
 */
public final class VisibleLabels {
    /** Pixels labelled in one image: a decoded ARGB picture of this size takes 160 MB. */
    public static final long MAX_PIXELS = 40_000_000L;

    /** The visible-label action's software agent in the C2PA manifest. */
    public static final String AGENT = "Pramaan visible AI label";

    /**
     * What to draw.
     *
     * @param language     the label's language; empty for the profile's default
     * @param position     overrides the profile's position
     * @param icon         an operator's icon (PNG bytes) drawn before the text
     * @param filingNumber the service's filing number (CN DSP arts.19-20), shown when the profile asks
     */
    public record Request(
            LabelProfile profile,
            Optional<String> language,
            Optional<LabelProfile.Position> position,
            Optional<byte[]> icon,
            Optional<String> filingNumber) {
        public static Request of(LabelProfile p) {
            return new Request(p, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        public String lang() {
            return language.orElse(profile.defaultLanguage());
        }
    }

    /**
     * A labelled file.
     *
     * @param format  JPEG, PNG, WEBP, WAV or TEXT
     * @param image   what was drawn, for images
     * @param audio   the prompt placed, for audio
     * @param resigned whether a C2PA manifest was written over the input's
     */
    public record Result(
            byte[] bytes,
            String format,
            Optional<ImageLabeller.Drawn> image,
            Optional<AudioPrompt.Placed> audio,
            boolean carriedManifest,
            boolean resigned) {}

    private VisibleLabels() {}

    public static Result apply(byte[] file, Request r, Optional<C2paSigner> signer) throws IOException {
        return apply(file, r, () -> signer);
    }

    /**
     * Labels {@code file}; {@code signer} is asked for only when the labelled input carried a C2PA manifest,
     * so a runtime that opens the signing key is not touched for unsigned or refused input.
     */
    public static Result apply(byte[] file, Request r, java.util.function.Supplier<Optional<C2paSigner>> signer)
            throws IOException {
        return apply(file, r, signer, Optional.empty());
    }

    /**
     * As above, with a WebP encoder: a WebP input is then labelled and answered in WebP, with its implicit
     * labels written back into an {@code XMP } chunk and, when it was signed, re-signed like a JPEG or PNG.
     */
    public static Result apply(
            byte[] file,
            Request r,
            java.util.function.Supplier<Optional<C2paSigner>> signer,
            Optional<WebpEncoder> webp)
            throws IOException {
        MetadataWriter.Format f;
        try {
            f = MetadataWriter.format(file);
        } catch (IllegalArgumentException notMedia) {
            if (TextLabeller.isText(file)) {
                String out = TextLabeller.apply(new String(file, StandardCharsets.UTF_8), r.profile(), r.lang());
                return new Result(
                        out.getBytes(StandardCharsets.UTF_8), "TEXT", Optional.empty(), Optional.empty(), false, false);
            }
            throw new IllegalArgumentException(
                    "file: not a JPEG, PNG, 16-bit WAV or UTF-8 text file" + (file.length == 0 ? " (empty)" : ""));
        }
        byte[] out;
        Optional<ImageLabeller.Drawn> drawn = Optional.empty();
        Optional<AudioPrompt.Placed> placed = Optional.empty();
        switch (f) {
            case JPEG, PNG -> {
                BufferedImage img = decode(file);
                drawn = Optional.of(draw(img, r));
                out = ImageCodec.encode(img, f);
            }
            case WEBP -> {
                // Refused before any decoding: without an encoder the answer could not be WebP.
                WebpEncoder encoder = webp.orElseThrow(() -> new IllegalArgumentException(
                        "file: WebP labels are not supported yet here (they need ffmpeg with libwebp on the PATH;"
                                + " no WebP encoder is bundled); convert to PNG first"));
                BufferedImage img = decode(file);
                drawn = Optional.of(draw(img, r));
                // Lossless stays lossless; lossy is re-encoded at WebpEncoder.LOSSY_QUALITY.
                out = encoder.encode(img, WebpEncoder.lossless(file));
            }
            case WAV -> {
                // A spoken prompt is configured per language on the ffmpeg writer; here one is refused by name.
                AudioPrompt.Result a = AudioPrompt.insert(
                        file,
                        r.profile().audio().placement(),
                        r.profile().audio().prompt(),
                        Optional.empty());
                out = a.wav();
                placed = Optional.of(a.placed());
            }
            default ->
                throw new IllegalArgumentException("file: visible labels for " + f
                        + " are not supported yet here (images, 16-bit WAV and text are;"
                        + " video needs ffmpeg with libx264)");
        }
        Finished done = finish(file, out, f, signer);
        return new Result(done.bytes(), f.name(), drawn, placed, done.carriedManifest(), done.resigned());
    }

    /**
     * A labelled file with the input's implicit labels back and, where the input was signed, re-signed.
     *
     * @param carriedManifest whether the input carried a C2PA manifest
     * @param resigned        whether the output was re-signed (false with a manifest: the old one no longer holds)
     */
    public record Finished(byte[] bytes, boolean carriedManifest, boolean resigned) {}

    /**
     * What the images get after their pixels change, for a video the {@link VideoLabelWriter} labelled
     * ({@code labelled} is its MP4): the implicit labels {@code input} carried are written back into XMP (the
     * re-encode drops them) and, when {@code input} was C2PA-signed and {@code signer} gives a key, the MP4 is
     * re-signed with the input's manifest as its parent ({@code c2pa.opened}, then {@code c2pa.edited}), its
     * manifest in a {@code uuid} box with a {@code c2pa.hash.bmff.v3} binding (C2PA 2.2 §A.4, as generated MP4
     * outputs are signed), so a signed video stays provenance-valid after labelling.
     */
    public static Finished finishVideo(
            byte[] input, byte[] labelled, java.util.function.Supplier<Optional<C2paSigner>> signer)
            throws IOException {
        if (MetadataWriter.format(labelled) != MetadataWriter.Format.MP4)
            throw new IllegalArgumentException("file: the video label writer did not write an MP4");
        return finish(input, labelled, MetadataWriter.Format.MP4, signer);
    }

    private static Finished finish(
            byte[] file,
            byte[] labelled,
            MetadataWriter.Format f,
            java.util.function.Supplier<Optional<C2paSigner>> signer)
            throws IOException {
        byte[] out = ImplicitLabels.carry(file, labelled, f);
        boolean signed = C2paSigner.carriesManifest(file);
        Optional<C2paSigner> key = signed ? signer.get() : Optional.empty();
        if (key.isEmpty()) return new Finished(out, signed, false);
        ManifestRequest req = ManifestRequest.edited(AGENT)
                .withIngredient(
                        new ManifestRequest.Ingredient(file, "original", ManifestRequest.Relationship.PARENT_OF))
                .replacingExisting();
        return new Finished(
                key.get().sign(out, req, C2paSigner.Placement.EMBEDDED).asset(), true, true);
    }

    private static ImageLabeller.Drawn draw(BufferedImage img, Request r) {
        return ImageLabeller.draw(
                img,
                imageText(r),
                r.position().orElse(r.profile().image().position()),
                r.profile().image().minTextHeight(),
                r.icon().map(VisibleLabels::icon));
    }

    /** The profile's text in the language, with the filing number after it when the profile shows one. */
    static String imageText(Request r) {
        return labelText(r, r.profile().image());
    }

    /** The label text of {@code visual} (the profile's image or video rule) in the request's language. */
    public static String labelText(Request r, LabelProfile.Visual visual) {
        String text = Optional.ofNullable(visual.text().get(r.lang()))
                .orElseThrow(() -> new IllegalArgumentException(
                        "language: profile " + r.profile().jurisdiction() + " has no label text in '" + r.lang()
                                + "'; it has " + r.profile().languages()));
        if (r.profile().filingNumber().value() && r.filingNumber().isPresent())
            text = text + " · " + VisibleText.check(r.filingNumber().get(), "filingNumber");
        return text;
    }

    /** Dimensions are checked from the header before any pixel is decoded (a hostile header cannot make us allocate). */
    static BufferedImage decode(byte[] file) throws IOException {
        MediaSource src = MediaSource.of(file);
        MediaInfo info;
        try {
            info = MediaProber.standard().probe(src, new MediaLimits(MediaLimits.DEFAULT_MAX_BYTES, MAX_PIXELS));
        } catch (MediaRejectedException e) {
            throw new IllegalArgumentException("file: " + e.getMessage(), e);
        }
        Dimensions d = info.dimensions()
                .orElseThrow(() -> new IllegalArgumentException("file: the " + info.type() + " header gives no size"));
        if (d.pixels() > MAX_PIXELS)
            throw new IllegalArgumentException("file: " + d + " is more than " + MAX_PIXELS + " pixels");
        if (info.type() == MediaType.WEBP) return toRgb(org.pramaan.media.image.ImageDecoder.decodeFull(src, info));
        if (info.type() != MediaType.JPEG && info.type() != MediaType.PNG)
            throw new IllegalArgumentException("file: expected a JPEG, PNG or WebP, found " + info.type());
        return ImageCodec.decode(new ByteArrayInputStream(file), d);
    }

    /** A picture the labeller can draw on (ARGB when it has alpha, else RGB). */
    private static BufferedImage toRgb(BufferedImage raw) {
        BufferedImage img = new BufferedImage(
                raw.getWidth(),
                raw.getHeight(),
                raw.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        img.createGraphics().drawImage(raw, 0, 0, null);
        return img;
    }

    private static BufferedImage icon(byte[] png) {
        if (png.length > 1024 * 1024) throw new IllegalArgumentException("icon: at most 1 MiB, got " + png.length);
        try {
            if (MetadataWriter.format(png) != MetadataWriter.Format.PNG)
                throw new IllegalArgumentException("icon: must be a PNG");
            BufferedImage i = decode(png);
            if ((long) i.getWidth() * i.getHeight() > 4_000_000L)
                throw new IllegalArgumentException("icon: at most 4 megapixels");
            return i;
        } catch (IOException e) {
            throw new IllegalArgumentException("icon: " + e.getMessage(), e);
        }
    }
}
