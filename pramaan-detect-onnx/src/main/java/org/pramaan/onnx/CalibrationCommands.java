package org.pramaan.onnx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.pramaan.detect.Calibration;
import org.pramaan.detect.CalibrationFit;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.Evaluation;
import org.pramaan.detect.LabelledCsv;
import org.pramaan.detect.LabelledScore;
import org.pramaan.detect.ManifestReader;
import org.pramaan.detect.ModelManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pramaan detect calibrate} and {@code pramaan detect evaluate} (issue 16): an operator fits a model's
 * calibration on their own labelled set and stores it in the model's manifest, then measures it. Scores come from the
 * set's {@code score} column (what {@code export-labels} writes from reviewers' decisions, or the operator's own run of
 * the model), or with {@code --files} from running the model over the files the set names.
 */
final class CalibrationCommands {
    /** A labelled set larger than this is not read (about 10 million lines of a few fields). */
    static final long MAX_BYTES = 256L << 20;

    static final int MAX_ROWS = 5_000_000;

    /** Files one {@code --files} run scores (each is decoded and run through the model). */
    static final int MAX_FILES = 1_000_000;

    private CalibrationCommands() {}

    abstract static class ModelArgs {
        @Option(names = "--models", required = true, description = "the models folder (as detect.models-dir)")
        Path models;

        @Option(names = "--model", required = true, description = "the model's id (its manifest's \"id\")")
        String model;

        @Parameters(
                index = "0",
                paramLabel = "LABELLED.csv",
                description = "id,score,label[,family] per item (id,path,label[,family] with --files)")
        Path labelled;

        @Option(
                names = "--files",
                description = "score the CSV's path column (images, relative to this folder) with the model first")
        Optional<Path> files = Optional.empty();

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        /** The manifest file of {@code --model} and its parsed content. */
        record Found(Path file, ModelManifest manifest) {}

        Found manifest() throws IOException {
            if (!Files.isDirectory(models)) throw new IOException("--models " + models + " is not a folder");
            List<Path> files;
            try (Stream<Path> s = Files.list(models)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(ModelFolder.SUFFIX))
                        .sorted()
                        .toList();
            }
            for (Path f : files) {
                if (Files.size(f) > ManifestReader.MAX_BYTES) continue;
                try {
                    ModelManifest m = ManifestReader.read(
                            Files.readAllBytes(f), f.getFileName().toString());
                    if (m.id().equals(model)) return new Found(f, m);
                } catch (DetectorFailure e) {
                    // a broken manifest is not the one asked for; ModelFolder reports it when the server loads
                }
            }
            throw new IOException("no manifest in " + models + " has id '" + model + "'");
        }

        List<LabelledScore> read() throws IOException {
            if (Files.size(labelled) > MAX_BYTES)
                throw new IOException(labelled + " is larger than " + MAX_BYTES + " bytes");
            var decoder = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(Files.newInputStream(labelled), decoder))) {
                if (files.isPresent())
                    return FileScores.score(
                            models, manifest().file(), files.get(), LabelledCsv.readFiles(in, MAX_FILES));
                return LabelledCsv.read(in, MAX_ROWS);
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new IOException(labelled + " is not UTF-8 text", e);
            }
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(
            name = "calibrate",
            description =
                    "Fit a model's calibration (isotonic or Platt) on a labelled set and store it in its manifest.",
            mixinStandardHelpOptions = true)
    static final class Calibrate extends ModelArgs implements Callable<Integer> {
        @Option(names = "--method", defaultValue = "isotonic", description = "isotonic (about 1,000+ labels) or platt")
        String method;

        @Override
        public Integer call() throws Exception {
            Found found = manifest();
            List<LabelledScore> data = read();
            String fittedOn = labelled.getFileName() + " (" + data.size() + " items)";
            Calibration fitted = switch (method.toLowerCase(Locale.ROOT)) {
                case "isotonic" -> CalibrationFit.isotonic(data, fittedOn);
                case "platt" -> CalibrationFit.platt(data, fittedOn);
                default -> throw new IllegalArgumentException("--method is isotonic or platt, got '" + method + "'");
            };
            Evaluation before = Evaluation.of(
                    data, found.manifest().calibration(), found.manifest().operatingPoint());
            write(found.file(), fitted);
            Evaluation after = Evaluation.of(data, fitted, found.manifest().operatingPoint());
            out().printf(
                            Locale.ROOT,
                            "%s: %s calibration fitted on %s; ECE %.4f -> %.4f, AUC %.4f; written to %s%n",
                            model,
                            fitted.method(),
                            fittedOn,
                            before.ece(),
                            after.ece(),
                            after.auc(),
                            found.file());
            return 0;
        }
    }

    /** Replaces the manifest's calibration, checked by the manifest reader before it atomically replaces the file. */
    static void write(Path manifest, Calibration c) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(Files.readAllBytes(manifest));
        ObjectNode cal = mapper.createObjectNode();
        cal.put("method", c.method());
        switch (c) {
            case Calibration.Platt p -> {
                cal.put("a", p.a());
                cal.put("b", p.b());
            }
            case Calibration.Isotonic iso -> {
                ArrayNode points = cal.putArray("points");
                for (Calibration.Point pt : iso.points())
                    points.addArray().add(pt.x()).add(pt.p());
            }
        }
        cal.put("fittedOn", c.fittedOn().length() > 200 ? c.fittedOn().substring(0, 200) : c.fittedOn());
        root.set("calibration", cal);
        byte[] bytes = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        try {
            ManifestReader.read(bytes, manifest.getFileName().toString());
        } catch (DetectorFailure e) {
            throw new IOException("the new manifest would not load: " + e.getMessage(), e);
        }
        Path tmp = manifest.resolveSibling(manifest.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        try {
            Files.move(tmp, manifest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, manifest, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Command(
            name = "evaluate",
            description = "ROC AUC, precision/recall at the operating point, ECE, reliability diagram and ROC curve.",
            mixinStandardHelpOptions = true)
    static final class Evaluate extends ModelArgs implements Callable<Integer> {
        @Option(names = "--out", description = "folder for reliability and ROC plots (SVG and PNG)")
        Optional<Path> outDir;

        @Override
        public Integer call() throws Exception {
            Found found = manifest();
            List<LabelledScore> data = read();
            ModelManifest m = found.manifest();
            Evaluation all = Evaluation.of(data, m.calibration(), m.operatingPoint());
            PrintWriter out = out();
            out.printf(
                    Locale.ROOT,
                    "%s %s, %s calibration, operating point %.2f%n",
                    m.id(),
                    m.version(),
                    m.calibration().method(),
                    m.operatingPoint());
            out.printf(
                    Locale.ROOT,
                    "%-20s %8s %9s %8s %9s %8s %8s%n",
                    "set",
                    "items",
                    "synthetic",
                    "AUC",
                    "precision",
                    "recall",
                    "ECE");
            row(out, "all", all);
            Map<String, List<LabelledScore>> families = new TreeMap<>();
            for (LabelledScore s : data) s.family().ifPresent(f -> families.computeIfAbsent(f, k -> new ArrayList<>()));
            for (String f : families.keySet()) {
                // One family's synthetic items against every authentic one: how the model does on that generator.
                List<LabelledScore> subset = data.stream()
                        .filter(s -> !s.synthetic() || s.family().equals(Optional.of(f)))
                        .toList();
                if (subset.stream().anyMatch(s -> !s.synthetic()))
                    row(out, "family " + f, Evaluation.of(subset, m.calibration(), m.operatingPoint()));
            }
            if (outDir.isPresent()) {
                Path dir = Files.createDirectories(outDir.get());
                Files.writeString(dir.resolve(m.id() + "-reliability.svg"), CalibrationPlots.reliabilitySvg(all));
                Files.writeString(dir.resolve(m.id() + "-roc.svg"), CalibrationPlots.rocSvg(all));
                CalibrationPlots.reliabilityPng(all, dir.resolve(m.id() + "-reliability.png"));
                CalibrationPlots.rocPng(all, dir.resolve(m.id() + "-roc.png"));
                out.println("plots written to " + dir);
            }
            return 0;
        }

        private static void row(PrintWriter out, String name, Evaluation e) {
            out.printf(
                    Locale.ROOT,
                    "%-20s %8d %9d %8.4f %9s %8.4f %8.4f%n",
                    name.length() > 20 ? name.substring(0, 20) : name,
                    e.items(),
                    e.synthetic(),
                    e.auc(),
                    Double.isNaN(e.precision()) ? "-" : String.format(Locale.ROOT, "%.4f", e.precision()),
                    e.recall(),
                    e.ece());
        }
    }
}
