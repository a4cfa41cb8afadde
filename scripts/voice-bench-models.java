// Writes the stand-in models for `pramaan bench detect-audio --models DIR` with voice likeness (issue 16):
// the band-energy speaker model (OnnxGraphs.speakerBands: 1 s windows at 16 kHz, hop 0.5 s, 32 bands) and
// the audio detector stand-in (OnnxGraphs.audioAbsMean, as in docs/performance.md's audio rows).
// Run from the repository root after a build:
//   java -cp pramaan-testkit/target/classes scripts/voice-bench-models.java /tmp/voice-models
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.pramaan.testkit.OnnxGraphs;

public class VoiceBenchModels {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        byte[] voice = OnnxGraphs.speakerBands(16_000, 16_000, 32);
        Files.write(dir.resolve("voice-16k.onnx"), voice);
        Files.writeString(dir.resolve("voice-16k.manifest.json"), """
                {"id":"voice-16k","version":"1","weights":"voice-16k.onnx","sha256":"%s","licence":"MIT",
                 "modality":"voice-embedding",
                 "input":{"name":"waveform","sampleRate":16000,"channels":"mono","windowSamples":16000,"hopSamples":8000,"layout":"BCN"},
                 "output":{"name":"embedding","kind":"embedding","meaning":"stand-in speaker (band energies)"},
                 "threshold":0.85,"intendedUse":"bench"}
                """.formatted(sha256(voice)));
        byte[] wave = OnnxGraphs.audioAbsMean(10, -3, 1, 16_000);
        Files.write(dir.resolve("wave-16k.onnx"), wave);
        Files.writeString(dir.resolve("wave-16k.manifest.json"), """
                {"id":"wave-16k","version":"1","weights":"wave-16k.onnx","sha256":"%s","licence":"MIT","modality":"audio",
                 "input":{"name":"waveform","sampleRate":16000,"channels":"mono","windowSamples":16000,"hopSamples":8000,"layout":"BN"},
                 "output":{"name":"score","kind":"logit","meaning":"loud"},
                 "calibration":{"method":"platt","a":1,"b":0,"fittedOn":"none"},"operatingPoint":0.5,"intendedUse":"bench"}
                """.formatted(sha256(wave)));
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
