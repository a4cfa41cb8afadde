package org.pramaan.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.LabelledCsv;
import org.pramaan.detect.LabelledScore;
import org.pramaan.detect.Modality;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaKind;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;
import org.pramaan.media.image.StandardStillImageDecoder;

/**
 * {@code pramaan detect calibrate|evaluate --files DIR} (issue 16): a labelled set of files rather than scores. Each
 * file is probed, checked against the media limits and decoded exactly as screening does (the standard prober and still
 * image decoder), then scored by the model loaded from the models folder as the server loads it (weights checked
 * against the manifest, the same preprocessing, provider and time limit), so the raw scores are the ones screening
 * would have recorded. Every refusal names the file and its line in the CSV.
 */
final class FileScores {
    private FileScores() {}

    static List<LabelledScore> score(
            Path modelsDir, Path manifestFile, Path filesDir, List<LabelledCsv.LabelledFile> rows) throws IOException {
        Path root = filesDir.toRealPath();
        if (!Files.isDirectory(root)) throw new IOException("--files " + filesDir + " is not a folder");
        MediaProber prober = MediaProber.standard();
        StandardStillImageDecoder decoder = new StandardStillImageDecoder();
        List<LabelledScore> out = new ArrayList<>();
        try (OnnxImageDetector d = OnnxImageDetector.open(modelsDir, manifestFile)) {
            if (d.manifest().modality() != Modality.IMAGE)
                throw new IOException("model " + d.manifest().id() + " is a "
                        + d.manifest().modality() + " model; --files scores whole-image models only");
            for (LabelledCsv.LabelledFile row : rows) {
                Path file = file(root, row);
                try (MediaSource src = MediaSource.open(file)) {
                    MediaInfo info = prober.probe(src, MediaLimits.defaults());
                    if (info.kind() != MediaKind.IMAGE)
                        throw new IOException(where(row) + " is " + info.type().mimeType() + ", not an image");
                    double raw = d.score(decoder.decode(src, info)).raw();
                    out.add(new LabelledScore(row.id(), raw, row.synthetic(), row.family()));
                } catch (MediaRejectedException | DetectorFailure e) {
                    throw new IOException(where(row) + ": " + e.getMessage(), e);
                }
            }
        } catch (DetectorFailure e) {
            throw new IOException("model " + manifestFile.getFileName() + " did not load: " + e.getMessage(), e);
        }
        return out;
    }

    /** The row's file, inside the files folder: an absolute path or one that climbs out of it is refused. */
    private static Path file(Path root, LabelledCsv.LabelledFile row) throws IOException {
        Path given = Path.of(row.path());
        if (given.isAbsolute()) throw new IOException(where(row) + " is absolute; paths are relative to --files");
        Path p = root.resolve(given).normalize();
        if (!p.startsWith(root)) throw new IOException(where(row) + " lies outside --files " + root);
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
            throw new IOException(where(row) + " is not a file in " + root);
        return p;
    }

    private static String where(LabelledCsv.LabelledFile row) {
        return "line " + row.line() + ", path '" + org.pramaan.limits.PlainText.controlsAsQuestionMarks(row.path())
                + "'";
    }
}
