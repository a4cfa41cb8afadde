package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.cli.PramaanCli;
import org.pramaan.json.Json;
import org.pramaan.labels.MetadataLabels;
import org.pramaan.testkit.TestImages;

/** {@code pramaan generate record} in-process on a real embedded store (issue 14). */
class GenerateCliTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private PramaanConfig config() {
        return PramaanConfig.load(
                Map.of("PRAMAAN_DATA_DIR", dir.resolve("data").toString(), "PRAMAAN_GENERATION_KEEP_PROMPTS", "true"),
                new Properties());
    }

    private Run pramaan(String... args) {
        return pramaanAt(Clock.systemUTC(), args);
    }

    private Run pramaanAt(Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PramaanConfig c = config();
        int exit = PramaanCli.run(
                () -> new EmbeddedRuntime(c, clock, System.out), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** Issue 14: a WebP output is labelled and written as WebP, the implicit labels in its XMP chunk. */
    @Test
    void aWebpOutputIsRecordedAndWrittenAsWebpWithTheLabelAndItsImplicitLabels() throws Exception {
        Path in = LabelWebpCliTest.webp(dir, "gen.webp", true); // skips without ffmpeg/libwebp
        Path ctx = Files.writeString(
                dir.resolve("ctx.json"),
                "{\"modelId\":\"imagegen\",\"modelVersion\":\"2.1\",\"prompt\":\"a boat\",\"userId\":\"u-1\",\"profile\":\"CN\"}");
        Path out = dir.resolve("m.webp");
        Run rec = pramaan("generate", "record", in.toString(), "--context", ctx.toString(), "-o", out.toString());
        assertThat(rec.exit()).as(rec.err()).isZero();
        JsonNode j = Json.read(rec.out().trim(), JsonNode.class);
        assertThat(j.path("marks").toString())
                .isEqualTo("[\"visible-label\",\"iptc-digital-source-type\",\"gb45438-aigc\"]");
        byte[] written = Files.readAllBytes(out);
        assertThat(org.pramaan.labels.WebpEncoder.lossless(written))
                .as("lossless stays lossless")
                .isTrue();
        assertThat(org.pramaan.labels.MetadataLabels.read(written).format()).isEqualTo("WEBP");
        assertThat(org.pramaan.labels.MetadataLabels.read(written)
                        .aigc()
                        .getFirst()
                        .attributes())
                .containsEntry("ProduceID", j.path("id").asText());
        LabelWebpCliTest.changed(LabelWebpCliTest.decode(Files.readAllBytes(in)), LabelWebpCliTest.decode(written), 64);
    }

    /** Each call opens the data directory afresh, so the record and the purge survive a restart in between. */
    @Test
    void purgeDeletesRecordsJustAfterTheirRetentionAndKeepsOneExactlyAtIt() throws Exception {
        java.time.Instant t0 = java.time.Instant.parse("2026-03-02T04:00:00Z");
        Path in = Files.write(dir.resolve("out.jpg"), TestImages.jpeg(TestImages.photo(200, 150, 3), 0.9f));
        Path ctx = Files.writeString(
                dir.resolve("ctx.json"),
                "{\"modelId\":\"imagegen\",\"modelVersion\":\"2.1\",\"prompt\":\"a boat\",\"userId\":\"u-1\",\"profile\":\"CN\"}");
        Run rec = pramaanAt(
                Clock.fixed(t0, java.time.ZoneOffset.UTC),
                "generate",
                "record",
                in.toString(),
                "--context",
                ctx.toString(),
                "-o",
                dir.resolve("m.jpg").toString());
        assertThat(rec.exit()).as(rec.err()).isZero();
        java.time.Instant until = java.time.Instant.parse(
                Json.read(rec.out().trim(), JsonNode.class).path("retainUntil").asText());
        assertThat(until).isEqualTo(t0.plus(java.time.Duration.ofDays(183)));

        Run atBoundary = pramaanAt(Clock.fixed(until, java.time.ZoneOffset.UTC), "generate", "purge");
        assertThat(atBoundary.exit()).as(atBoundary.err()).isZero();
        assertThat(Json.read(atBoundary.out().trim(), JsonNode.class)
                        .path("purged")
                        .asInt())
                .isZero();

        Clock after = Clock.fixed(until.plusMillis(1), java.time.ZoneOffset.UTC);
        Run purged = pramaanAt(after, "generate", "purge");
        assertThat(Json.read(purged.out().trim(), JsonNode.class).path("purged").asInt())
                .isEqualTo(1);
        assertThat(Json.read(pramaanAt(after, "generate", "purge").out().trim(), JsonNode.class)
                        .path("purged")
                        .asInt())
                .isZero();
    }

    @Test
    void recordWritesTheMarkedFileAndStoresTheRecordAndRefusesWithoutConsent() throws Exception {
        Path in = Files.write(dir.resolve("out.jpg"), TestImages.jpeg(TestImages.photo(200, 150, 3), 0.9f));
        Path ctx = Files.writeString(
                dir.resolve("ctx.json"),
                "{\"modelId\":\"imagegen\",\"modelVersion\":\"2.1\",\"prompt\":\"a boat\",\"userId\":\"u-1\",\"profile\":\"IN\"}");
        Path marked = dir.resolve("marked.jpg");
        Run ok = pramaan("generate", "record", in.toString(), "--context", ctx.toString(), "-o", marked.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        JsonNode printed = Json.read(ok.out().trim(), JsonNode.class);
        String id = printed.path("id").asText();
        assertThat(printed.path("marks").toString()).contains("gb45438-aigc");
        assertThat(MetadataLabels.read(Files.readAllBytes(marked))
                        .aigc()
                        .getFirst()
                        .attributes())
                .containsEntry("ProduceID", id);
        try (Embedded app = new Embedded(config(), Clock.systemUTC())) {
            var rec = app.adapters().generations().find(id).orElseThrow();
            assertThat(rec.prompt()).as("generation.keep-prompts=true").contains("a boat");
            assertThat(rec.recordedBy()).startsWith("cli:");
        }

        Path noConsent = Files.writeString(
                dir.resolve("ctx2.json"),
                "{\"modelId\":\"m\",\"modelVersion\":\"1\",\"userId\":\"u-1\",\"profile\":\"CN\","
                        + "\"subjects\":[{\"personId\":\"p\",\"modality\":\"face\"}]}");
        Path none = dir.resolve("none.jpg");
        Run refused =
                pramaan("generate", "record", in.toString(), "--context", noConsent.toString(), "-o", none.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("generation.consent_required");
        assertThat(none).as("no partial output").doesNotExist();
    }
}
