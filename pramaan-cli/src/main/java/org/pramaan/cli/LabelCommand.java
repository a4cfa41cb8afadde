package org.pramaan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pramaan.labels.ImageLabeller;
import org.pramaan.labels.LabelProfile;
import org.pramaan.labels.LabelProfiles;
import org.pramaan.labels.VisibleLabels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "label",
        mixinStandardHelpOptions = true,
        description =
                "Explicit (visible) AI labels per jurisdiction profile: images, MP4 video, 16-bit WAV, UTF-8 text.",
        subcommands = {LabelCommand.Apply.class})
final class LabelCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "apply",
            mixinStandardHelpOptions = true,
            description =
                    "Put the profile's visible label on IN (JPEG, PNG, MP4/MOV video, 16-bit PCM WAV or UTF-8 text), saving OUT"
                            + " in the same format. Implicit labels IN carried are written back; a C2PA-signed IN is"
                            + " re-signed with the configured key (c2pa.signing-key), IN's manifest as the parent.")
    static final class Apply implements Callable<Integer>, PramaanCli.RuntimeAware {
        /** Files larger than this are not labelled in memory. */
        static final long MAX_INPUT_BYTES = 256L * 1024 * 1024;

        private final PramaanCli.LazyRuntime runtime;

        Apply(PramaanCli.LazyRuntime runtime) {
            this.runtime = runtime;
        }

        @Option(
                names = "--profile",
                required = true,
                paramLabel = "J|FILE",
                description = "a bundled jurisdiction (CN, IN, EU, US) or an operator's profile JSON file")
        String profile;

        @Option(names = "--lang", paramLabel = "LANG", description = "label language (default: the profile's)")
        String lang;

        @Option(
                names = "--position",
                paramLabel = "POS",
                description =
                        "top-left top top-right left right bottom-left bottom bottom-right (default: the profile's)")
        String position;

        @Option(names = "--icon", paramLabel = "PNG", description = "an icon drawn before the text")
        Path icon;

        @Option(
                names = "--filing-number",
                paramLabel = "NO",
                description = "the service's filing number, shown when the profile asks (CN DSP arts.19-20)")
        String filingNumber;

        @Option(
                names = "--video-duration",
                paramLabel = "start|continuous",
                description = "video: label the opening seconds or the whole video (default: the profile's)")
        String duration;

        @Parameters(index = "0", paramLabel = "IN")
        Path in;

        @Parameters(index = "1", paramLabel = "OUT")
        Path out;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            try {
                if (!Files.isRegularFile(in)) throw new IllegalArgumentException("IN: no such file: " + in);
                // An audio-only MP4 with a generic isom/mp42 brand is audio too: its tracks are probed.
                if (isCompressedAudio(in) || (isMp4(in) && org.pramaan.labels.AudioLabelWriter.accepts(in)))
                    return audio();
                if (isMp4(in)) return video();
                byte[] file = read(in, "IN");
                LabelProfile p = loadProfile(profile);
                VisibleLabels.Request req = new VisibleLabels.Request(
                        p,
                        Optional.ofNullable(lang).map(l -> l.toLowerCase(Locale.ROOT)),
                        Optional.ofNullable(position).map(LabelProfile.Position::parse),
                        icon == null ? Optional.empty() : Optional.of(read(icon, "--icon")),
                        filing(p));
                // WebP needs the runtime's encoder (ffmpeg's libwebp); other formats never start it.
                boolean webp = file.length >= 12 && new String(file, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP");
                VisibleLabels.Result r = VisibleLabels.apply(
                        file,
                        req,
                        () -> runtime.get().signer(),
                        webp ? runtime.get().webpEncoder() : Optional.empty());
                if (r.carriedManifest() && !r.resigned())
                    err.println("warning: " + in + " carries a C2PA manifest; the labelled " + out
                            + " no longer matches it and no signing key is configured (c2pa.signing-key,"
                            + " c2pa.signing-chain) to re-sign it");
                AtomicWrite.write(out, r.bytes());
                spec.commandLine().getOut().println(describe(p, r) + " -> " + out);
                return 0;
            } catch (IllegalArgumentException e) {
                err.println("pramaan label apply: " + e.getMessage());
                return 2;
            }
        }

        /** Video goes to the ffmpeg-backed writer, streamed from disk rather than read into memory. */
        private int video() throws IOException {
            LabelProfile p = loadProfile(profile);
            if (icon != null) throw new IllegalArgumentException("--icon: not supported for video yet");
            org.pramaan.labels.VideoLabelWriter w = runtime.get()
                    .videoLabels()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "video labels need ffmpeg with libx264 on the PATH (Debian: apt-get install ffmpeg)"));
            VisibleLabels.Request req = new VisibleLabels.Request(
                    p,
                    Optional.ofNullable(lang).map(l -> l.toLowerCase(Locale.ROOT)),
                    Optional.ofNullable(position).map(LabelProfile.Position::parse),
                    Optional.empty(),
                    filing(p));
            // IN is read before anything is written (IN may be OUT): it is the re-signed output's parent. The writer
            // writes a temporary sibling; OUT appears whole, labels and manifest included, or not at all.
            byte[] input = read(in, "IN");
            Path folder = out.toAbsolutePath().getParent();
            if (folder == null || !Files.isDirectory(folder))
                throw new IllegalArgumentException("output folder " + folder + " does not exist");
            Path labelled = Files.createTempFile(folder, ".pramaan-label-", ".mp4");
            org.pramaan.labels.VideoLabelWriter.Result r;
            VisibleLabels.Finished done;
            try {
                r = w.label(in, labelled, req, Optional.ofNullable(duration).map(d -> switch (d) {
                    case "start" -> LabelProfile.VideoDuration.START;
                    case "continuous" -> LabelProfile.VideoDuration.CONTINUOUS;
                    default ->
                        throw new IllegalArgumentException(
                                "--video-duration must be start or continuous, got '" + d + "'");
                }));
                // As for images: implicit labels back and, for a signed IN, re-signed with IN's manifest as the parent.
                done = VisibleLabels.finishVideo(
                        input, read(labelled, "OUT"), () -> runtime.get().signer());
                AtomicWrite.write(out, done.bytes());
            } finally {
                Files.deleteIfExists(labelled);
            }
            if (done.carriedManifest() && !done.resigned())
                spec.commandLine()
                        .getErr()
                        .println("warning: " + in + " carries a C2PA manifest; the labelled " + out
                                + " no longer matches it and no signing key is configured (c2pa.signing-key,"
                                + " c2pa.signing-chain) to re-sign it");
            spec.commandLine()
                    .getOut()
                    .println(String.format(
                            Locale.ROOT,
                            "labelled MP4 for %s: text %d px tall (minimum %d) for %.1f of %.1f s, audio %s%s -> %s",
                            p.jurisdiction(),
                            r.drawn().glyphs().height,
                            r.drawn().requiredHeight(),
                            r.labelSeconds(),
                            r.durationSeconds(),
                            r.audioCopied() ? "copied" : "re-encoded or none",
                            done.resigned() ? ", C2PA re-signed" : "",
                            out));
            return 0;
        }

        /** MP3 and M4A go to the ffmpeg-backed prompt writer: decoded, prompted, encoded back in their format. */
        private int audio() throws IOException {
            LabelProfile p = loadProfile(profile);
            org.pramaan.labels.AudioLabelWriter w = runtime.get()
                    .audioLabels()
                    .orElseThrow(() -> new IllegalArgumentException("MP3 and M4A labels need ffmpeg with libmp3lame"
                            + " and aac on the PATH (Debian: apt-get install ffmpeg)"));
            org.pramaan.labels.AudioLabelWriter.Result r =
                    w.label(in, out, p, lang == null ? p.defaultLanguage() : lang.toLowerCase(Locale.ROOT));
            spec.commandLine()
                    .getOut()
                    .println(String.format(
                            Locale.ROOT,
                            "labelled %s for %s: %.2f s %s prompt at %s, %.1f dBFS (programme %.1f dBFS),"
                                    + " %s %d Hz %d kb/s -> %s",
                            r.format(),
                            p.jurisdiction(),
                            r.placed().promptSeconds(),
                            p.audio().prompt(),
                            r.placed().where(),
                            20 * Math.log10(Math.max(1e-9, r.placed().rms())),
                            20 * Math.log10(Math.max(1e-9, r.placed().programmeRms())),
                            r.codec(),
                            r.sampleRate(),
                            r.bitRate() / 1000,
                            out));
            return 0;
        }

        /**
         * An MP3 (ID3 tag or MPEG audio frame sync) or an MP4 whose major brand is an audio one (M4A, M4B);
         * an audio-only MP4 with a generic brand is found by {@code AudioLabelWriter.accepts}.
         */
        private static boolean isCompressedAudio(Path f) throws IOException {
            byte[] head = new byte[12];
            try (var s = Files.newInputStream(f)) {
                if (s.readNBytes(head, 0, 12) < 12) return false;
            }
            if (head[0] == 'I' && head[1] == 'D' && head[2] == '3') return true;
            if ((head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0) return true;
            return head[4] == 'f'
                    && head[5] == 't'
                    && head[6] == 'y'
                    && head[7] == 'p'
                    && head[8] == 'M'
                    && head[9] == '4'
                    && (head[10] == 'A' || head[10] == 'B');
        }

        private static boolean isMp4(Path f) throws IOException {
            byte[] head = new byte[12];
            try (var s = Files.newInputStream(f)) {
                if (s.readNBytes(head, 0, 12) < 12) return false;
            }
            return head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p';
        }

        /** --filing-number, else labels.filing-number from the configuration, asked for only when the profile shows one. */
        private Optional<String> filing(LabelProfile p) {
            if (filingNumber != null) return Optional.of(filingNumber);
            return p.filingNumber().value() ? runtime.get().filingNumber() : Optional.empty();
        }

        static LabelProfile loadProfile(String name) throws IOException {
            if (LabelProfiles.BUNDLED.contains(name.toUpperCase(Locale.ROOT))) return LabelProfiles.bundled(name);
            Path f = Path.of(name);
            if (!Files.isRegularFile(f))
                throw new IllegalArgumentException("--profile: '" + name + "' is neither a bundled profile "
                        + LabelProfiles.BUNDLED + " nor a file");
            if (Files.size(f) > 64 * 1024)
                throw new IllegalArgumentException("--profile: " + f + " is larger than 64 KiB");
            return LabelProfiles.parse(Files.readAllBytes(f), f.toString());
        }

        private static byte[] read(Path f, String what) throws IOException {
            if (!Files.isRegularFile(f)) throw new IllegalArgumentException(what + ": no such file: " + f);
            if (Files.size(f) > MAX_INPUT_BYTES)
                throw new IllegalArgumentException(what + ": " + f + " is larger than " + MAX_INPUT_BYTES + " bytes");
            return Files.readAllBytes(f);
        }

        private static String describe(LabelProfile p, VisibleLabels.Result r) {
            StringBuilder s = new StringBuilder("labelled " + r.format() + " for " + p.jurisdiction());
            r.image()
                    .ifPresent((ImageLabeller.Drawn d) -> s.append(String.format(
                            Locale.ROOT,
                            ": text %d px tall (minimum %d), contrast %.1f:1%s",
                            d.glyphs().height,
                            d.requiredHeight(),
                            d.contrast(),
                            d.plateOpacity() > 0
                                    ? String.format(Locale.ROOT, " on a %.0f %% plate", d.plateOpacity() * 100)
                                    : "")));
            r.audio()
                    .ifPresent(a -> s.append(
                            String.format(Locale.ROOT, ": rhythm prompt %.2f s at %s", a.promptSeconds(), a.where())));
            if (r.resigned()) s.append(", C2PA re-signed");
            return s.toString();
        }
    }
}
