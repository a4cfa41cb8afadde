package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.testkit.OnnxGraphs;
import org.pramaan.testkit.TestAudio;
import org.pramaan.testkit.TestVoices;

/**
 * Issue 16, the protected-persons registry for voices, over real HTTP: a speaker model the test
 * builds ({@link OnnxGraphs#speakerBands}: band energies of 1 s windows at 16 kHz, hop 0.5 s,
 * threshold 0.85) and generated voices ({@link TestVoices}: harmonic tones with formants and noise).
 * Asha is enrolled from one 4 s sample; an upload holding another recording of her voice from 2 s to
 * 8 s (silence around it) gives a LIKENESS_MATCH whose range is those seconds give or take one hop,
 * as WAV and, encoded by ffmpeg, as MP3 and as the sound track of an MP4; Ravi's voice does not
 * match; the match leaves the decision alone, leads the review queue and is recorded on her
 * standing complaint; silent, too short and non-audio samples are refused by name; after deletion
 * her voice matches no more; a speaker model that fails gives a failed signal and screening goes on.
 */
class VoiceLikenessEndToEndTest extends ServerTestBase {
    static final int RATE = 16_000;
    static final double THRESHOLD = 0.85;

    @TempDir
    Path models;

    @TempDir
    Path work;

    void installVoiceModel(byte[] weights) throws Exception {
        Files.write(models.resolve("voice-id.onnx"), weights);
        Files.writeString(models.resolve("voice-id.manifest.json"), """
                {"id":"voice-id","version":"1.0","weights":"voice-id.onnx","sha256":"%s","licence":"Apache-2.0",
                 "modality":"voice-embedding",
                 "input":{"name":"waveform","sampleRate":16000,"channels":"mono","windowSamples":16000,"hopSamples":8000,"layout":"BCN"},
                 "output":{"name":"embedding","kind":"embedding","meaning":"a speaker's voice (a test band-energy model)"},
                 "threshold":%s,"intendedUse":"end-to-end tests"}
                """.formatted(
                        DetectorsEndToEndTest.sha256(weights), THRESHOLD));
    }

    /** An audio model that says 0.993 on any sound: every audio upload goes to REVIEW, so the queue order shows. */
    void installReviewEverySound() throws Exception {
        byte[] w = OnnxGraphs.audioAbsMean(0, 5, 1, RATE);
        Files.write(models.resolve("any-sound.onnx"), w);
        Files.writeString(models.resolve("any-sound.manifest.json"), """
                {"id":"any-sound","version":"1.0","weights":"any-sound.onnx","sha256":"%s","licence":"MIT","modality":"audio",
                 "input":{"name":"waveform","sampleRate":16000,"channels":"mono","windowSamples":16000,"hopSamples":16000,"layout":"BN"},
                 "output":{"name":"score","kind":"logit","meaning":"always high (a test model)"},
                 "calibration":{"method":"platt","a":1.0,"b":0.0,"fittedOn":"e2e labels"},
                 "operatingPoint":0.6,"intendedUse":"end-to-end tests"}
                """.formatted(DetectorsEndToEndTest.sha256(w)));
    }

    void restart() throws Exception {
        stop();
        start(Map.of("PRAMAAN_DETECT_MODELS_DIR", models.toString()));
        ingest = app.keys().create(org.pramaan.access.Role.INGEST, "uploads").secret();
        reviewer = app.keys()
                .create(org.pramaan.access.Role.REVIEWER, "trust & safety")
                .secret();
    }

    ApiClient.Response enrol(String person, List<byte[]> voices, String key) throws Exception {
        String boundary = "pramaan-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"person\"\r\n\r\n" + person + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < voices.size(); i++) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"voice\"; filename=\"sample" + i
                            + ".wav\"\r\nContent-Type: audio/wav\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(voices.get(i));
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.sendBytes("/v1/persons", key, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /** Her enrolment sample: 4 s of her voice. */
    static byte[] ashaSample() {
        return TestAudio.wav(TestVoices.voice(TestVoices.ASHA, 4, RATE, 1, 0.02), RATE);
    }

    /** 10 s: silence, another recording of {@code who} from 2 s to 8 s, silence. */
    static float[] upload(TestVoices.Speaker who, long seed) {
        return TestVoices.placed(TestVoices.voice(who, 6, RATE, seed, 0.03), 2, 10, RATE);
    }

    static List<JsonNode> likeness(ApiClient.Response r) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode s : r.json().path("signals")) if (s.path("type").asText().equals("LIKENESS_MATCH")) out.add(s);
        return out;
    }

    /** One match for {@code id} whose range is 2–8 s give or take the 0.5 s hop (and an encoder's edge). */
    static void matchesFromTwoToEightSeconds(ApiClient.Response r, String id, String what) {
        List<JsonNode> matches = likeness(r);
        assertThat(matches).as(what + ": " + r.raw()).hasSize(1);
        JsonNode a = matches.get(0).path("attributes");
        assertThat(matches.get(0).path("value").asText()).as(what).isEqualTo(id);
        assertThat(a.path("matched").asText()).isEqualTo("true");
        assertThat(a.path("modality").asText()).isEqualTo("voice");
        assertThat(a.path("similarity").asDouble()).as(what).isGreaterThanOrEqualTo(THRESHOLD);
        assertThat(a.path("threshold").asText()).isEqualTo("0.850");
        assertThat(a.path("model").asText()).isEqualTo("voice-id");
        assertThat(a.path("startMillis").asLong()).as(what).isBetween(1000L, 2000L);
        assertThat(a.path("endMillis").asLong()).as(what).isBetween(8000L, 9000L);
        assertThat(a.path("evidence").asText())
                .isEqualTo("voice time " + a.path("startMillis").asText() + "-"
                        + a.path("endMillis").asText() + " ms");
    }

    @Test
    void anEnrolledVoiceInAnUploadMatchesWithItsTimeRangeRaisesReviewPriorityAndIsRecordedOnHerCase() throws Exception {
        installVoiceModel(OnnxGraphs.speakerBands(RATE, RATE, 32));
        installReviewEverySound();
        restart();
        ApiClient.Response detectors = api.get("/v1/detectors", reviewer);
        assertThat(detectors.raw()).contains("\"modality\":\"voice-embedding\"", "\"threshold\":0.85");

        String caseId = notice("IN_3_2_B_COMPLAINT", upload(TestMedia.cameraJpeg(5)));
        ApiClient.Response enrolled = enrol(LikenessEndToEndTest.person(caseId), List.of(ashaSample()), ADMIN);
        assertThat(enrolled.status()).as(enrolled.raw()).isEqualTo(201);
        String id = enrolled.json().path("id").asText();
        assertThat(enrolled.json().path("embeddings").asInt()).isEqualTo(1);
        assertThat(enrolled.json().path("modalities").path("voice").asInt()).isEqualTo(1);
        assertThat(enrolled.json().path("modalities").path("face").asInt()).isZero();
        assertThat(enrolled.json().path("modality").asText()).isEqualTo("voice");
        assertThat(enrolled.raw()).doesNotContain("vector");
        assertThat(app.persons().get(id).embeddings().get(0).modality())
                .isEqualTo(org.pramaan.likeness.LikenessModality.VOICE);
        // Audited without the sample: no audio, no vector, no name.
        String audit = app.audit().forSubject("person:" + id).toString();
        assertThat(audit).contains("likeness.enrolled", "voice-id 1.0").doesNotContain("Asha", "RIFF");

        // Ravi first (older), then her (newer), then Ravi again (newest).
        ApiClient.Response ravi = uploadResponse(TestAudio.wav(upload(TestVoices.RAVI, 3), RATE));
        assertThat(ravi.status()).as(ravi.raw()).isIn(200, 201);
        assertThat(likeness(ravi)).as(ravi.raw()).isEmpty();
        clock.advance(java.time.Duration.ofMinutes(1));
        ApiClient.Response her = uploadResponse(TestAudio.wav(upload(TestVoices.ASHA_AGAIN, 7), RATE));
        clock.advance(java.time.Duration.ofMinutes(1));
        ApiClient.Response newer = uploadResponse(TestAudio.wav(upload(TestVoices.RAVI, 11), RATE));
        assertThat(her.status()).as(her.raw()).isIn(200, 201);
        matchesFromTwoToEightSeconds(her, id, "wav");
        assertThat(likeness(her).get(0).path("attributes").path("caseId").asText())
                .isEqualTo(caseId);
        String reasons = her.json().path("assessment").path("reasons").toString();
        assertThat(reasons)
                .contains("likeness.match", id, "voice-embedding model voice-id", "voice time ")
                .doesNotContain("Asha");
        // The decision is the audio model's REVIEW, unchanged by the match.
        assertThat(her.json().path("decision").path("decision").asText()).isEqualTo("REVIEW");
        assertThat(likeness(newer)).as(newer.raw()).isEmpty();

        ApiClient.Response queue = api.get("/v1/queues/screening", reviewer);
        assertThat(queue.status()).as(queue.raw()).isEqualTo(200);
        List<String> order = new ArrayList<>();
        for (JsonNode u : queue.json().path("uploads"))
            order.add(u.path("mediaId").asText());
        assertThat(order).as(queue.raw()).startsWith(her.json().path("id").asText());
        assertThat(order.indexOf(newer.json().path("id").asText())).isGreaterThan(0);

        ApiClient.Response c = api.get("/v1/cases/" + caseId, reviewer);
        assertThat(c.raw()).contains("likeness_matched", her.json().path("id").asText(), id, "voice time ");

        // Deleted: her voice matches no more.
        assertThat(api.send("DELETE", "/v1/persons/" + id, ADMIN, null, null).status())
                .isEqualTo(204);
        assertThat(app.persons().all()).isEmpty();
        ApiClient.Response after = uploadResponse(TestAudio.wav(upload(TestVoices.ASHA_AGAIN, 13), RATE));
        assertThat(after.status()).as(after.raw()).isIn(200, 201);
        assertThat(likeness(after)).as(after.raw()).isEmpty();
    }

    @Test
    void mp3AndTheSoundTrackOfAnMp4MatchOverTheSameSeconds() throws Exception {
        if (!BenchDetectVideoTest.ffmpeg()) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("ffmpeg missing under CI");
            Assumptions.abort("ffmpeg not on PATH: the test encodes MP3 and MP4 with it");
        }
        installVoiceModel(OnnxGraphs.speakerBands(RATE, RATE, 32));
        restart();
        ApiClient.Response enrolled = enrol(LikenessEndToEndTest.person(null), List.of(ashaSample()), ADMIN);
        assertThat(enrolled.status()).as(enrolled.raw()).isEqualTo(201);
        String id = enrolled.json().path("id").asText();
        Path wav = work.resolve("her.wav");
        Files.write(wav, TestAudio.wav(upload(TestVoices.ASHA_AGAIN, 7), RATE));
        Path mp3 = encode("her.mp3", "-i", wav.toString(), "-c:a", "libmp3lame", "-b:a", "64k");
        Path mp4 = encode(
                "her.mp4",
                "-f",
                "lavfi",
                "-i",
                "color=c=gray:s=64x64:r=5:d=10",
                "-i",
                wav.toString(),
                "-c:v",
                "mpeg4",
                "-c:a",
                "aac",
                "-b:a",
                "96k",
                "-shortest");
        for (Path f : List.of(mp3, mp4)) {
            ApiClient.Response r = uploadResponse(Files.readAllBytes(f));
            assertThat(r.status()).as(f + ": " + r.raw()).isIn(200, 201);
            matchesFromTwoToEightSeconds(r, id, f.getFileName().toString());
        }
        Path raviWav = work.resolve("ravi.wav");
        Files.write(raviWav, TestAudio.wav(upload(TestVoices.RAVI, 3), RATE));
        Path raviMp3 = encode("ravi.mp3", "-i", raviWav.toString(), "-c:a", "libmp3lame", "-b:a", "64k");
        ApiClient.Response r = uploadResponse(Files.readAllBytes(raviMp3));
        assertThat(likeness(r)).as(r.raw()).isEmpty();
    }

    Path encode(String name, String... args) throws Exception {
        Path out = work.resolve(name);
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-y", "-loglevel", "error"));
        cmd.addAll(List.of(args));
        cmd.add(out.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", cmd) + ": " + log).isZero();
        return out;
    }

    @Test
    void silentShortAndNonAudioSamplesAreRefusedByName() throws Exception {
        installVoiceModel(OnnxGraphs.speakerBands(RATE, RATE, 32));
        restart();
        String person = LikenessEndToEndTest.person(null);
        // The second sample is 3 s of a quiet room (noise at -60 dBFS): refused, naming it.
        float[] room = new float[3 * RATE];
        java.util.Random rnd = new java.util.Random(5);
        for (int i = 0; i < room.length; i++) room[i] = (float) (0.001 * rnd.nextGaussian());
        ApiClient.Response silent = enrol(person, List.of(ashaSample(), TestAudio.wav(room, RATE)), ADMIN);
        assertThat(silent.status()).as(silent.raw()).isEqualTo(400);
        assertThat(silent.raw()).contains("voices[1]", "silent");
        ApiClient.Response shortOne = enrol(
                person, List.of(TestAudio.wav(TestVoices.voice(TestVoices.ASHA, 0.5, RATE, 1, 0.02), RATE)), ADMIN);
        assertThat(shortOne.status()).as(shortOne.raw()).isEqualTo(400);
        assertThat(shortOne.raw()).contains("voices[0]", "0.50 s", "at least one window");
        ApiClient.Response picture = enrol(person, List.of(TestMedia.cameraJpeg(5)), ADMIN);
        assertThat(picture.status()).as(picture.raw()).isEqualTo(400);
        assertThat(picture.raw()).contains("voices[0]", "not an audio file");
        ApiClient.Response tooMany = enrol(person, java.util.Collections.nCopies(11, ashaSample()), ADMIN);
        assertThat(tooMany.status()).as(tooMany.raw()).isEqualTo(400);
        assertThat(tooMany.raw()).contains("voices", "1..10");
        ApiClient.Response tooLong = enrol(
                person, List.of(TestAudio.wav(TestVoices.voice(TestVoices.ASHA, 61, 8_000, 1, 0.02), 8_000)), ADMIN);
        assertThat(tooLong.status()).as(tooLong.raw()).isEqualTo(400);
        assertThat(tooLong.raw()).contains("voices[0]", "longer than 60 s");
        assertThat(app.persons().all()).isEmpty();
    }

    @Test
    void aSpeakerModelThatFailsLeavesAFailedSignalAndScreeningGoesOn() throws Exception {
        installVoiceModel(OnnxGraphs.speakerBands(RATE, RATE, 32));
        restart();
        ApiClient.Response enrolled = enrol(LikenessEndToEndTest.person(null), List.of(ashaSample()), ADMIN);
        assertThat(enrolled.status()).as(enrolled.raw()).isEqualTo(201);
        // The same model id and version, now a graph that fails on every window.
        installVoiceModel(OnnxGraphs.voiceThatFails(RATE));
        restart();
        ApiClient.Response r = uploadResponse(TestAudio.wav(upload(TestVoices.ASHA_AGAIN, 7), RATE));
        assertThat(r.status()).as(r.raw()).isIn(200, 201);
        List<JsonNode> signals = likeness(r);
        assertThat(signals).as(r.raw()).hasSize(1);
        assertThat(signals.get(0).path("value").asText()).isEqualTo("failed");
        assertThat(signals.get(0).path("attributes").path("error").asText()).isEqualTo("detect.run_failed");
        assertThat(r.json().path("assessment").path("reasons").toString())
                .contains("likeness.failed", "voice-embedding model voice-id", "voices were not compared");
        assertThat(r.json().path("decision").path("decision").asText()).isEqualTo("ALLOW");
        // A new enrolment with the failing model is refused as unavailable, naming the sample.
        ApiClient.Response refused = enrol(LikenessEndToEndTest.person(null), List.of(ashaSample()), ADMIN);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.raw()).contains("likeness.unavailable", "voices[0]");
    }
}
