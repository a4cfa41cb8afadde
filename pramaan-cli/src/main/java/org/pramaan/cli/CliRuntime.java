package org.pramaan.cli;

import org.pramaan.access.ApiKeys;
import org.pramaan.audit.AuditLog;
import org.pramaan.banks.BankCuration;
import org.pramaan.hash.PdqHasher;
import org.pramaan.intake.Screener;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;

/** What commands need, supplied by the composition root; opened lazily so {@code --help} touches nothing. */
public interface CliRuntime extends AutoCloseable {
    /** A screener that matches against the data directory's banks when one exists; never creates one. */
    Screener screener();

    MediaProber prober();

    MediaLimits limits();

    PdqHasher pdqHasher();

    /** Video decoding (the FFmpeg module in the shipped app). */
    org.pramaan.media.decode.VideoDecoder videoDecoder();

    /** Audio decoding to mono PCM (the FFmpeg module in the shipped app); empty when none is installed. */
    default java.util.Optional<org.pramaan.media.decode.AudioDecoder> audioDecoder() {
        return java.util.Optional.empty();
    }

    ApiKeys keys();

    /** Cases on the data directory (creates it if needed). */
    org.pramaan.cases.CaseService cases();

    /** Evidence bundles on the data directory. */
    org.pramaan.cases.EvidenceBundles bundles();

    /** Bank curation on the data directory (creates it if needed). */
    BankCuration banks();

    /** Size limits of one bank import ({@code banks.max-import-bytes}, {@code banks.max-import-items}). */
    default org.pramaan.banks.BankFiles.Limits bankImports() {
        return org.pramaan.banks.BankFiles.Limits.DEFAULT;
    }

    AuditLog audit();

    /**
     * The C2PA signer of {@code c2pa.signing-key}/{@code c2pa.signing-chain}/{@code c2pa.signing-alg} (the
     * server's signing key), empty when none is configured. Never opens the data directory.
     */
    default java.util.Optional<org.pramaan.provenance.c2pa.C2paSigner> signer() {
        return java.util.Optional.empty();
    }

    /** The service's filing number ({@code labels.filing-number}, CN DSP arts.19-20); empty when none is configured. */
    default java.util.Optional<String> filingNumber() {
        return java.util.Optional.empty();
    }

    /** Burns visible labels into video (the system's ffmpeg with libx264 in the shipped app); empty when unavailable. */
    default java.util.Optional<org.pramaan.labels.VideoLabelWriter> videoLabels() {
        return java.util.Optional.empty();
    }

    /** Marks every frame of a video with our keyed watermark (the system's ffmpeg with libx264); empty when unavailable. */
    default java.util.Optional<org.pramaan.watermark.VideoWatermarkWriter> videoWatermark() {
        return java.util.Optional.empty();
    }

    /** Puts the audio prompt into MP3 and M4A (the system's ffmpeg in the shipped app); empty when unavailable. */
    default java.util.Optional<org.pramaan.labels.AudioLabelWriter> audioLabels() {
        return java.util.Optional.empty();
    }

    /** Encodes labelled WebP (the system's ffmpeg with libwebp in the shipped app); empty when unavailable. */
    default java.util.Optional<org.pramaan.labels.WebpEncoder> webpEncoder() {
        return java.util.Optional.empty();
    }

    /**
     * The application's clock: every timestamp a command writes (bank items' added-at) and every
     * "time left" it prints comes from it, so a CLI run and the server agree on time and tests can
     * drive it with a fake clock (DEV-GUIDELINES rule 2). Never opens the data directory.
     */
    java.time.Clock clock();

    /** The notification outbox on the data directory. */
    org.pramaan.notify.DeliveryRepository deliveries();

    /** Sends the outbox's messages (retrying a dead letter requeues it). */
    org.pramaan.notify.Dispatcher dispatcher();

    /** Generation records on the data directory (creates it if needed; issue 14). */
    default org.pramaan.generation.Generations generations() {
        throw new UnsupportedOperationException("this runtime keeps no generation records");
    }

    /** Deletes generation records past their retention (issue 14). */
    default org.pramaan.generation.GenerationRetention generationRetention() {
        throw new UnsupportedOperationException("this runtime keeps no generation records");
    }

    /** Regulators' reports from the data directory (issue 17). */
    default org.pramaan.reports.Reports reports() {
        throw new UnsupportedOperationException("this runtime makes no reports");
    }

    /** Reviewers' findings on model scores on the data directory ({@code pramaan detect export-labels}, issue 16). */
    default org.pramaan.detect.ReviewLabels reviewLabels() {
        throw new UnsupportedOperationException("this runtime keeps no reviewer labels");
    }

    /** Media intake on the data directory (creates it if needed). */
    org.pramaan.intake.Intake intake();

    /** Back-scans on the data directory (issue 17; {@code pramaan bench backscan}); empty where not wired. */
    default java.util.Optional<org.pramaan.backscan.BackScans> backScans() {
        return java.util.Optional.empty();
    }

    /**
     * A runtime on another data directory, with this one's clock (the notice benchmark runs in a
     * scratch directory, never the user's); the caller closes it.
     */
    CliRuntime scratch(java.nio.file.Path dataDir);

    /** Starts the server and blocks until it is stopped. */
    void serve(String host, int port) throws Exception;

    @Override
    void close();
}
