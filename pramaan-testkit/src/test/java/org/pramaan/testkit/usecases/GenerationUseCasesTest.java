package org.pramaan.testkit.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.access.Actor;
import org.pramaan.errors.Forbidden;
import org.pramaan.errors.Invalid;
import org.pramaan.generation.Consent;
import org.pramaan.generation.Consents;
import org.pramaan.generation.GenerationContext;
import org.pramaan.generation.GenerationLookup;
import org.pramaan.generation.GenerationRecord;
import org.pramaan.generation.Generations;
import org.pramaan.generation.MarkStep;
import org.pramaan.generation.RuleReminders;
import org.pramaan.json.Json;
import org.pramaan.labels.MetadataLabels;
import org.pramaan.notify.DeliveryState;

/** The generator side (issue 14): records, consents, unlabelled exports, lookup, rule reminders; in memory, fake clock. */
class GenerationUseCasesTest {
    private static final Actor ACTOR = Actor.component("test");

    @TempDir
    Path dir;

    private UseCaseFixture f;
    private Consents consents;
    private List<String> applied;

    @BeforeEach
    void wire() {
        f = new UseCaseFixture(dir);
        consents = new Consents(f.store.generations(), f.audit, f.clock);
        applied = new ArrayList<>();
    }

    /** A step that marks nothing in the pixels but says it ran, so the record's marks can be checked against it. */
    private MarkStep step(String name, boolean explicit) {
        return new MarkStep() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean explicit() {
                return explicit;
            }

            @Override
            public Optional<byte[]> apply(byte[] file, Request request) {
                applied.add(name + ":" + request.recordId() + ":"
                        + request.filingNumber().orElse(""));
                return Optional.of(file);
            }
        };
    }

    private Generations generations(boolean keepPrompts, MarkStep... steps) {
        return new Generations(
                f.store.generations(),
                f.banks,
                f.audit,
                f.clock,
                List.of(steps),
                Optional.empty(),
                new Generations.Settings(
                        keepPrompts,
                        Duration.ofDays(183),
                        Optional.of("Beijing-Gen-2025-0001"),
                        Set.of("CN"),
                        "Pramaan Test"));
    }

    static byte[] image(int seed) throws IOException {
        BufferedImage img = new BufferedImage(256, 192, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 192; y++)
            for (int x = 0; x < 256; x++) {
                int v = (int) (127 + 120 * Math.sin((x * (seed + 3)) / 17.0) * Math.cos((y * (seed + 1)) / 11.0));
                img.setRGB(x, y, (v << 16) | (((x + seed * 40) & 255) << 8) | (y & 255));
            }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    private static GenerationContext ctx(String json) {
        return GenerationContext.fromJson(Json.read(json, JsonNode.class));
    }

    private static final String BASE =
            "\"modelId\":\"imagegen\",\"modelVersion\":\"2.1\",\"prompt\":\"a cat\",\"userId\":\"u-7\","
                    + "\"realName\":{\"verified\":true,\"method\":\"phone\"}";

    @Test
    void aGenerationIsMarkedRecordedBankedAuditedAndFoundByMetadataThenByPdq() throws IOException {
        Generations g = generations(false, step("watermark", false), step("visible-label", true));
        byte[] input = image(1);
        Generations.Generated out = g.record(input, ctx("{" + BASE + ",\"profile\":\"cn\"}"), ACTOR);
        GenerationRecord r = out.record();
        assertThat(r.marks())
                .containsExactly("watermark", "visible-label", "iptc-digital-source-type", "gb45438-aigc")
                .as("no signer configured: nothing claims C2PA")
                .doesNotContain("c2pa");
        assertThat(applied)
                .containsExactly(
                        "watermark:" + r.id() + ":Beijing-Gen-2025-0001",
                        "visible-label:" + r.id() + ":Beijing-Gen-2025-0001");
        assertThat(r.prompt()).as("generation.keep-prompts=false").isEmpty();
        assertThat(r.promptSha256())
                .isEqualTo(HexFormat.of().formatHex(sha256("a cat".getBytes(StandardCharsets.UTF_8))));
        assertThat(r.profile()).isEqualTo("CN");
        assertThat(r.filingNumber()).contains("Beijing-Gen-2025-0001");
        assertThat(r.retainUntil()).isEqualTo(r.createdAt().plus(Duration.ofDays(183)));
        assertThat(r.sha256()).isEqualTo(HexFormat.of().formatHex(sha256(out.file())));
        assertThat(r.pdq()).isPresent();
        // The output carries the AIGC label with the record id as ProduceID and the IPTC source type.
        MetadataLabels.Found labels;
        try {
            labels = MetadataLabels.read(out.file());
        } catch (org.pramaan.media.MediaRejectedException e) {
            throw new AssertionError(e);
        }
        assertThat(labels.aigc().getFirst().attributes())
                .containsEntry("ProduceID", r.id())
                .containsEntry("Label", "1");
        assertThat(labels.digitalSourceTypes().getFirst().value()).endsWith("trainedAlgorithmicMedia");
        assertThat(f.store.generations().find(r.id())).contains(r);
        assertThat(f.banks.items(Generations.BANK))
                .extracting(i -> i.sha256().orElseThrow())
                .containsExactly(r.sha256());
        assertThat(f.auditTypes("generation:" + r.id())).containsExactly("generation.recorded");
        // Survives a restart of the store.
        assertThat(f.store.reopen().generations().find(r.id())).contains(r);

        GenerationLookup lookup = new GenerationLookup(f.store.generations(), f.banks, Optional.empty());
        assertThat(lookup.lookup(out.file())).hasValueSatisfying(found -> {
            assertThat(found.record().id()).isEqualTo(r.id());
            assertThat(found.method()).isEqualTo("metadata");
        });
        // Metadata stripped by a re-encode: the pixels still match the banked PDQ.
        byte[] reencoded = reencode(out.file());
        assertThat(lookup.lookup(reencoded)).hasValueSatisfying(found -> {
            assertThat(found.record().id()).isEqualTo(r.id());
            assertThat(found.method()).isEqualTo("pdq");
        });
        assertThat(lookup.lookup(image(9))).as("someone else's image").isEmpty();
    }

    @Test
    void audioGetsTheAigcLabelOnlyAndATruncatedImageIsRefusedWithNothingStored() throws IOException {
        Generations g = generations(false);
        GenerationRecord r =
                g.record(wav(), ctx("{" + BASE + ",\"profile\":\"CN\"}"), ACTOR).record();
        assertThat(r.format()).isEqualTo("WAV");
        assertThat(r.marks()).as("IPTC DigitalSourceType has no WAV carrier").containsExactly("gb45438-aigc");
        assertThat(r.pdq()).isEmpty();
        byte[] jpeg = image(6);
        byte[] cut = java.util.Arrays.copyOf(jpeg, jpeg.length / 2);
        int banked = f.banks.items(Generations.BANK).size();
        assertThatThrownBy(() -> g.record(cut, ctx("{" + BASE + ",\"profile\":\"CN\"}"), ACTOR))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("file"));
        assertThat(f.banks.items(Generations.BANK)).hasSize(banked);
    }

    /** One second of a 440 Hz tone, 8 kHz 16-bit mono PCM. */
    private static byte[] wav() {
        int n = 8000;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + 2 * n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(36 + 2 * n)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1);
        b.putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * n);
        for (int i = 0; i < n; i++) b.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0)));
        return b.array();
    }

    @Test
    void keptPromptsAreStoredOnlyWhenConfigured() throws IOException {
        GenerationRecord r = generations(true)
                .record(image(2), ctx("{" + BASE + ",\"profile\":\"IN\"}"), ACTOR)
                .record();
        assertThat(r.prompt()).contains("a cat");
    }

    @Test
    void editingARealPersonNeedsTheirUnrevokedConsentForThatModalityAndRevocationStopsFutureGenerations()
            throws IOException {
        Generations g = generations(false);
        assertThatThrownBy(() -> g.record(
                        image(3),
                        ctx("{" + BASE
                                + ",\"profile\":\"CN\",\"subjects\":[{\"personId\":\"p-1\",\"modality\":\"face\"}]}"),
                        ACTOR))
                .isInstanceOfSatisfying(Forbidden.class, e -> {
                    assertThat(e.code()).isEqualTo(Generations.CONSENT_REQUIRED);
                    assertThat(e.getMessage()).contains("subjects[0].consentId", "p-1");
                });
        Consent face = consents.create("p-1", "face", "advertising stills", "p-1", "doc://consents/77", ACTOR);
        String with = "{" + BASE
                + ",\"profile\":\"CN\",\"subjects\":[{\"personId\":\"p-1\",\"modality\":\"%s\",\"consentId\":\"%s\"}]}";
        assertThatThrownBy(() -> g.record(image(3), ctx(with.formatted("voice", face.id())), ACTOR))
                .as("a face consent does not cover the voice")
                .isInstanceOfSatisfying(
                        Forbidden.class, e -> assertThat(e.code()).isEqualTo(Generations.CONSENT_REQUIRED));
        GenerationRecord ok = g.record(image(3), ctx(with.formatted("face", face.id())), ACTOR)
                .record();
        assertThat(ok.consentIds()).containsExactly(face.id());
        consents.revoke(face.id(), "withdrawn by e-mail", ACTOR);
        int banked = f.banks.items(Generations.BANK).size();
        assertThatThrownBy(() -> g.record(image(4), ctx(with.formatted("face", face.id())), ACTOR))
                .isInstanceOfSatisfying(Forbidden.class, e -> {
                    assertThat(e.code()).isEqualTo(Generations.CONSENT_REQUIRED);
                    assertThat(e.getMessage()).contains("revoked");
                });
        assertThat(f.banks.items(Generations.BANK))
                .as("nothing stored for a refusal")
                .hasSize(banked);
        assertThat(consents.of("p-1"))
                .singleElement()
                .satisfies(c -> assertThat(c.revokedAt()).isPresent());
        assertThat(f.auditTypes("consent:" + face.id())).containsExactly("consent.created", "consent.revoked");
    }

    @Test
    void anUnlabelledExportNeedsAProfileThatAllowsItAndTheUsersAgreementAndKeepsTheImplicitLabels() throws IOException {
        Generations g = generations(false, step("visible-label", true), step("watermark", false));
        assertThatThrownBy(() -> g.record(
                        image(5),
                        ctx("{" + BASE + ",\"profile\":\"IN\",\"explicitLabel\":false,\"labellingDutyAgreed\":true}"),
                        ACTOR))
                .isInstanceOfSatisfying(Forbidden.class, e -> {
                    assertThat(e.code()).isEqualTo("generation.unlabelled_not_allowed");
                    assertThat(e.getMessage()).contains("explicitLabel", "IN");
                });
        assertThatThrownBy(() ->
                        g.record(image(5), ctx("{" + BASE + ",\"profile\":\"CN\",\"explicitLabel\":false}"), ACTOR))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("labellingDutyAgreed"));
        GenerationRecord r = g.record(
                        image(5),
                        ctx("{" + BASE + ",\"profile\":\"CN\",\"explicitLabel\":false,\"labellingDutyAgreed\":true}"),
                        ACTOR)
                .record();
        assertThat(r.unlabelled()).isTrue();
        assertThat(r.dutyAgreed()).isTrue();
        assertThat(r.marks()).containsExactly("watermark", "iptc-digital-source-type", "gb45438-aigc");
        assertThat(applied).singleElement().asString().startsWith("watermark:");
    }

    @Test
    void withoutAConfiguredListTheLabelProfilesDecideWhoMayExportUnlabelled() throws IOException {
        Generations g = new Generations(
                f.store.generations(),
                f.banks,
                f.audit,
                f.clock,
                List.of(),
                Optional.empty(),
                new Generations.Settings(false, Duration.ofDays(183), Optional.empty(), Set.of(), "Pramaan Test"));
        String unlabelled = ",\"explicitLabel\":false,\"labellingDutyAgreed\":true}";
        assertThat(g.record(image(7), ctx("{" + BASE + ",\"profile\":\"EU\"" + unlabelled), ACTOR)
                        .record()
                        .unlabelled())
                .as("EU profile: AI Act art.50(4)")
                .isTrue();
        assertThatThrownBy(() -> g.record(image(7), ctx("{" + BASE + ",\"profile\":\"IN\"" + unlabelled), ACTOR))
                .isInstanceOfSatisfying(
                        Forbidden.class, e -> assertThat(e.getMessage()).contains("r.3(3)(b)"));
        assertThatThrownBy(() -> g.record(image(7), ctx("{" + BASE + ",\"profile\":\"JP\"" + unlabelled), ACTOR))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("profile"));
    }

    @Test
    void hostileContextsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> ctx("{" + BASE + ",\"profile\":\"CN\",\"explicitLabel\":\"no\"}"))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("explicitLabel"));
        assertThatThrownBy(() -> ctx("{\"modelId\":\"" + "m".repeat(100_000) + "\",\"profile\":\"CN\"}"))
                .isInstanceOfSatisfying(Invalid.class, e -> {
                    assertThat(e.field()).contains("modelId");
                    assertThat(e.getMessage()).hasSizeLessThan(200);
                });
        assertThatThrownBy(() -> ctx("{" + BASE + ",\"profile\":\"C1\"}"))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("profile"));
        assertThatThrownBy(() -> ctx(
                        "{" + BASE + ",\"profile\":\"CN\",\"subjects\":[{\"personId\":\"p\",\"modality\":\"body\"}]}"))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("subjects[0].modality"));
        assertThatThrownBy(() -> generations(false)
                        .record(
                                "not media".getBytes(StandardCharsets.UTF_8),
                                ctx("{" + BASE + ",\"profile\":\"CN\"}"),
                                ACTOR))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("file"));
        assertThatThrownBy(() -> new Generations.Settings(false, Duration.ofDays(182), Optional.empty(), Set.of(), "x"))
                .hasMessageContaining("183 days");
    }

    @Test
    void usersFallDueThreeMonthsAfterTheRulesWereShownAndOneWebhookEventSaysSo() {
        RuleReminders reminders = new RuleReminders(
                f.store.generations(),
                f.store.deliveries(),
                Optional.of("https://platform.example/hook"),
                f.audit,
                f.clock);
        reminders.shown("u-1", "hi", ACTOR);
        f.clock.advance(Duration.ofDays(10));
        reminders.shown("u-2", "en", ACTOR);
        // 2026-06-01 + 3 months = 2026-09-01.
        f.clock.set(java.time.Instant.parse("2026-09-01T09:59:59Z"));
        assertThat(reminders.due()).isEmpty();
        assertThat(reminders.notifyDue()).isEmpty();
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(reminders.due()).extracting(RuleReminders.Due::userId).containsExactly("u-1");
        assertThat(reminders.notifyDue()).extracting(RuleReminders.Due::userId).containsExactly("u-1");
        assertThat(reminders.notifyDue()).as("one event per showing").isEmpty();
        var sent = f.store.deliveries().withState(DeliveryState.PENDING, 10);
        assertThat(sent).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo("user.rules_due");
            assertThat(d.body()).contains("\"userId\":\"u-1\"", "\"dueAt\":\"2026-09-01T10:00:00Z\"", "हमारे नियमों");
        });
        reminders.shown("u-1", "hi", ACTOR);
        assertThat(reminders.due()).isEmpty();
        assertThatThrownBy(() -> reminders.shown("u-3", "fr", ACTOR))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("language"));
        assertThat(RuleReminders.text("en")).contains("label");
    }

    private static byte[] reencode(byte[] jpeg) throws IOException {
        BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static byte[] sha256(byte[] b) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
