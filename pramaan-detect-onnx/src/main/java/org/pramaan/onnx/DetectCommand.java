package org.pramaan.onnx;

import picocli.CommandLine.Command;

/** {@code pramaan detect …}: tools for detector models (issue 16). */
@Command(
        name = "detect",
        description = "Detector models (optional module pramaan-detect-onnx).",
        mixinStandardHelpOptions = true,
        subcommands = {
            DetectBench.class,
            CalibrationCommands.Calibrate.class,
            CalibrationCommands.Evaluate.class,
            org.pramaan.cli.ExportLabelsCommand.class
        })
public final class DetectCommand {}
