package org.pramaan.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestReaderTest {
    static final String SHA = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    static String manifest(String replace, String with) {
        String json = """
                {"id":"red-mean","version":"1.0.0","weights":"red-mean.onnx","sha256":"%s","licence":"Apache-2.0",
                 "modality":"image",
                 "input":{"name":"pixels","width":8,"height":8,"layout":"NCHW","channels":"RGB","mean":[0,0,0],"std":[1,1,1]},
                 "output":{"name":"score","index":0,"kind":"probability","meaning":"mean red value"},
                 "calibration":{"method":"platt","a":4.0,"b":-2.0,"fittedOn":"test set"},
                 "operatingPoint":0.7,"intendedUse":"tests","knownFailureModes":["blue images"],"timeLimitMillis":1000}
                """.formatted(SHA);
        return replace.isEmpty() ? json : json.replace(replace, with);
    }

    static ModelManifest read(String json) throws DetectorFailure {
        return ManifestReader.read(json.getBytes(StandardCharsets.UTF_8), "m.json");
    }

    @Test
    void readsEveryField() throws DetectorFailure {
        ModelManifest m = read(manifest("", ""));
        assertThat(m.id()).isEqualTo("red-mean");
        assertThat(m.sha256()).isEqualTo(SHA);
        assertThat(m.modality()).isEqualTo(Modality.IMAGE);
        assertThat(m.input().width()).isEqualTo(8);
        assertThat(m.input().layout()).isEqualTo(ModelManifest.Layout.NCHW);
        assertThat(m.output().kind()).isEqualTo(ModelManifest.OutputKind.PROBABILITY);
        assertThat(m.calibration()).isInstanceOf(Calibration.Platt.class);
        assertThat(m.calibration().apply(0.5)).isEqualTo(0.5); // 4*0.5-2 = 0
        assertThat(m.operatingPoint()).isEqualTo(0.7);
        assertThat(m.knownFailureModes()).containsExactly("blue images");
        assertThat(m.timeLimitMillis()).isEqualTo(1000);
    }

    @Test
    void readsAnIsotonicTable() throws DetectorFailure {
        ModelManifest m = read(manifest(
                "{\"method\":\"platt\",\"a\":4.0,\"b\":-2.0,\"fittedOn\":\"test set\"}",
                "{\"method\":\"isotonic\",\"points\":[[0,0.1],[0.5,0.2],[1,0.9]],\"fittedOn\":\"op labels\"}"));
        assertThat(m.calibration().method()).isEqualTo("isotonic");
        assertThat(m.calibration().apply(0.75)).isCloseTo(0.55, org.assertj.core.data.Offset.offset(1e-12));
    }

    private static void refused(String json, String... fragments) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOfSatisfying(
                        DetectorFailure.class, e -> assertThat(e.code()).isEqualTo("detect.manifest_invalid"))
                .message()
                .contains(fragments);
    }

    @Test
    void unknownKeysAreRefusedByName() {
        refused(
                manifest("\"intendedUse\"", "\"intendedUze\":\"x\",\"intendedUse\""),
                "'intendedUze'",
                "not a manifest key");
        refused(manifest("\"mean\"", "\"meen\":[0,0,0],\"mean\""), "'input.meen'");
        refused(manifest("\"fittedOn\"", "\"c\":1,\"fittedOn\""), "'calibration.c'");
    }

    @Test
    void numbersAreNeverCoercedFromStringsAndRangesAreChecked() {
        refused(manifest("\"width\":8", "\"width\":\"8\""), "'input.width'", "whole JSON number");
        refused(manifest("\"width\":8", "\"width\":8.5"), "'input.width'");
        refused(manifest("\"width\":8", "\"width\":5000"), "'input.width'", "1..4096");
        refused(manifest("\"height\":8", "\"height\":0"), "'input.height'");
        refused(manifest("\"std\":[1,1,1]", "\"std\":[1,0,1]"), "'input.std'", "positive");
        refused(manifest("\"mean\":[0,0,0]", "\"mean\":[0,0]"), "'input.mean'", "3 numbers");
        refused(manifest("\"operatingPoint\":0.7", "\"operatingPoint\":1"), "'operatingPoint'");
        refused(manifest("\"operatingPoint\":0.7", "\"operatingPoint\":\"0.7\""), "'operatingPoint'");
        refused(manifest("\"timeLimitMillis\":1000", "\"timeLimitMillis\":600000"), "'timeLimitMillis'");
    }

    @Test
    void textsAreBoundedAndShaped() {
        refused(manifest("\"red-mean\",\"version\"", "\"Red Mean\",\"version\""), "'id'");
        refused(manifest("\"red-mean.onnx\"", "\"../etc/passwd\""), "'weights'", "plain file name");
        refused(manifest("\"red-mean.onnx\"", "\".hidden.onnx\""), "'weights'");
        refused(manifest(SHA, SHA.toUpperCase(java.util.Locale.ROOT)), "'sha256'");
        refused(manifest(SHA, SHA.substring(1)), "'sha256'");
        refused(manifest("\"tests\"", "\"" + "x".repeat(1001) + "\""), "'intendedUse'", "1..1000");
        refused(manifest("\"tests\"", "\"a\\u0000b\""), "'intendedUse'", "control character");
        refused(manifest("\"image\"", "\"smell\""), "'modality'", "image, face, audio");
        refused(manifest("\"NCHW\"", "\"CHWN\""), "'input.layout'");
    }

    @Test
    void calibrationTablesMustBeMonotoneAndBounded() {
        String platt = "{\"method\":\"platt\",\"a\":4.0,\"b\":-2.0,\"fittedOn\":\"test set\"}";
        refused(
                manifest(platt, "{\"method\":\"isotonic\",\"points\":[[0,0.5],[1,0.4]],\"fittedOn\":\"x\"}"),
                "'calibration.points'",
                "never fall");
        refused(
                manifest(platt, "{\"method\":\"isotonic\",\"points\":[[1,0.1],[1,0.4]],\"fittedOn\":\"x\"}"),
                "rise strictly");
        refused(
                manifest(platt, "{\"method\":\"isotonic\",\"points\":[[0,1.5],[1,2]],\"fittedOn\":\"x\"}"),
                "'calibration.points[0][1]'");
        refused(manifest(platt, "{\"method\":\"temperature\",\"t\":2}"), "'calibration.method'");
        StringBuilder many = new StringBuilder("{\"method\":\"isotonic\",\"fittedOn\":\"x\",\"points\":[");
        for (int i = 0; i <= ManifestReader.MAX_POINTS; i++)
            many.append(i == 0 ? "" : ",").append("[").append(i).append(",0]");
        refused(manifest(platt, many + "]}"), "a manifest is at most"); // over 64 KiB before parsing
    }

    @Test
    void malformedAndOversizedDocumentsAreRefusedBeforeTheirContentIsUsed() {
        refused("{\"id\":", "not valid JSON");
        refused("[1,2,3]", "a JSON object");
        refused(manifest("\"id\":\"red-mean\"", "\"id\":\"red-mean\",\"id\":\"other\""), "not valid JSON", "id");
        refused("[[[[[[[[[[[[1]]]]]]]]]]]]", "not valid JSON");
        refused(" ".repeat(ManifestReader.MAX_BYTES + 1), "bytes; a manifest is at most 65536");
    }
}
