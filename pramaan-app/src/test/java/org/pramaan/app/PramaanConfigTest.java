package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PramaanConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsFileEnvAndSystemPropertiesLayerInOrder() throws Exception {
        Path file = Files.writeString(
                dir.resolve("p.properties"), "http.port=9000\nmedia.max-pixels=5000\ndata.dir=/from/file\n");
        Properties sys = new Properties();
        sys.setProperty("pramaan.http.port", "9100");
        PramaanConfig c =
                PramaanConfig.load(Map.of("PRAMAAN_CONFIG", file.toString(), "PRAMAAN_DATA_DIR", "/from/env"), sys);
        assertThat(c.http().port()).isEqualTo(9100);
        assertThat(c.storage().dataDir()).isEqualTo(Path.of("/from/env"));
        assertThat(c.limits().maxPixels()).isEqualTo(5000);
        assertThat(c.limits().maxBytes()).isEqualTo(512L * 1024 * 1024);
        assertThat(c.policy().clockCheckInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.policy().rulePacks()).containsExactly("IN", "EU", "US", "CN");
        assertThat(c.policy().rulePackDir()).isEmpty();
        assertThat(c.access().adminKey()).isEmpty();
    }

    @Test
    void badValuesAndUnknownKeysFailNamingThem() throws Exception {
        Path file = Files.writeString(dir.resolve("p.properties"), "http.prot=9000\n");
        assertThatThrownBy(() -> PramaanConfig.load(Map.of("PRAMAAN_CONFIG", file.toString()), new Properties()))
                .hasMessageContaining("unknown key 'http.prot'")
                .hasMessageContaining("http.port");
        assertThatThrownBy(() -> PramaanConfig.load(Map.of("PRAMAAN_HTTP_PORT", "70000"), new Properties()))
                .hasMessageContaining("http.port='70000'")
                .hasMessageContaining("PRAMAAN_HTTP_PORT");
        assertThatThrownBy(
                        () -> PramaanConfig.load(Map.of("PRAMAAN_CASES_CLOCK_CHECK_INTERVAL", "1s"), new Properties()))
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> PramaanConfig.load(Map.of("PRAMAAN_ADMIN_KEY", "short"), new Properties()))
                .hasMessageContaining("24 characters");
        assertThatThrownBy(() -> PramaanConfig.load(
                        Map.of("PRAMAAN_CONFIG", dir.resolve("none").toString()), new Properties()))
                .hasMessageContaining("cannot read configuration file");
    }

    @Test
    void watermarkKeysParseAndBadOnesStopStartUpWithoutShowingTheSecret() {
        String secret = java.util.Base64.getEncoder()
                .encodeToString("0123456789abcdef0123".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(PramaanConfig.load(Map.of(), new Properties()).provenance().watermarkKeys())
                .isEmpty();
        var keys = PramaanConfig.load(
                        Map.of("PRAMAAN_WATERMARK_KEYS", "acme:" + secret + ", ours:" + secret), new Properties())
                .provenance()
                .watermarkKeys();
        assertThat(keys).extracting(org.pramaan.watermark.WatermarkKey::id).containsExactly("acme", "ours");
        assertThatThrownBy(() -> PramaanConfig.load(
                        Map.of("PRAMAAN_WATERMARK_KEYS", "acme:" + secret + ",acme:" + secret), new Properties()))
                .hasMessageContaining("watermark.keys")
                .hasMessageContaining("'acme' twice")
                .hasMessageNotContaining(secret);
        assertThatThrownBy(() -> PramaanConfig.load(Map.of("PRAMAAN_WATERMARK_KEYS", "acme:QUJD"), new Properties()))
                .hasMessageContaining("16-64 bytes, was 3")
                .hasMessageNotContaining("QUJD");
    }

    @Test
    void c2paTrustAnchorsMustBeAReadablePemBundle() throws Exception {
        assertThat(PramaanConfig.load(Map.of(), new Properties())
                        .provenance()
                        .trust(java.time.Clock.systemUTC())
                        .anchors())
                .isEmpty();
        Path junk = Files.writeString(dir.resolve("anchors.pem"), "not a certificate");
        assertThatThrownBy(() ->
                        PramaanConfig.load(Map.of("PRAMAAN_C2PA_TRUST_ANCHORS", junk.toString()), new Properties()))
                .hasMessageContaining("c2pa.trust-anchors")
                .hasMessageContaining("PRAMAAN_C2PA_TRUST_ANCHORS");
        assertThatThrownBy(() -> PramaanConfig.load(
                        Map.of(
                                "PRAMAAN_C2PA_TRUST_ANCHORS",
                                dir.resolve("missing.pem").toString()),
                        new Properties()))
                .hasMessageContaining("is not a file");
        var kpg = java.security.KeyPairGenerator.getInstance("EC");
        var kp = kpg.generateKeyPair();
        var now = java.time.Instant.now();
        var cert = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
                .getCertificate(new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(
                                new org.bouncycastle.asn1.x500.X500Name("CN=anchor"),
                                java.math.BigInteger.ONE,
                                java.util.Date.from(now),
                                java.util.Date.from(now.plusSeconds(3600)),
                                new org.bouncycastle.asn1.x500.X500Name("CN=anchor"),
                                kp.getPublic())
                        .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA")
                                .build(kp.getPrivate())));
        Path pem = Files.writeString(
                dir.resolve("ok.pem"),
                "-----BEGIN CERTIFICATE-----\n"
                        + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.getEncoded())
                        + "\n-----END CERTIFICATE-----\n");
        PramaanConfig c = PramaanConfig.load(Map.of("PRAMAAN_C2PA_TRUST_ANCHORS", pem.toString()), new Properties());
        assertThat(c.provenance().trust(java.time.Clock.systemUTC()).anchors()).containsExactly(cert);
    }

    @Test
    void videoAndAudioHashingSettingsAreCheckedNamingTheKey() {
        PramaanConfig c = PramaanConfig.load(
                Map.of(
                        "PRAMAAN_MEDIA_VPDQ_SECONDS_PER_HASH",
                        "0.5",
                        "PRAMAAN_MEDIA_MAX_AV_DURATION",
                        "PT10M",
                        "PRAMAAN_BANK_VPDQ_MIN_QUERY_PERCENT",
                        "70"),
                new Properties());
        assertThat(c.av().hashing().sampling().secondsPerHash()).isEqualTo(0.5);
        assertThat(c.av().hashing().limits().maxDuration()).isEqualTo(java.time.Duration.ofMinutes(10));
        assertThat(c.av().matching().minQueryPercent()).isEqualTo(70);
        assertThat(c.av().matching().minMatchedSeconds()).isEqualTo(5);
        assertThatThrownBy(
                        () -> PramaanConfig.load(Map.of("PRAMAAN_MEDIA_VPDQ_SECONDS_PER_HASH", "-1"), new Properties()))
                .hasMessageContaining("media.vpdq.seconds-per-hash='-1'")
                .hasMessageContaining("between");
        assertThatThrownBy(() ->
                        PramaanConfig.load(Map.of("PRAMAAN_BANK_VPDQ_MIN_QUERY_PERCENT", "most"), new Properties()))
                .hasMessageContaining("bank.vpdq.min-query-percent")
                .hasMessageContaining("not a number");
    }

    @Test
    void anOperatorsRulePackReplacesTheBundledOne() throws Exception {
        Path packs = Files.createDirectories(dir.resolve("packs"));
        Files.writeString(
                packs.resolve("CN.json"),
                new String(org.pramaan.cases.RulePack.class
                                .getResourceAsStream("/rulepacks/CN.json")
                                .readAllBytes())
                        .replace("\"duration\": \"P7D\"", "\"duration\": \"P3D\""));
        PramaanConfig c = PramaanConfig.load(
                Map.of(
                        "PRAMAAN_DATA_DIR",
                        dir.resolve("data").toString(),
                        "PRAMAAN_CASES_RULE_PACK_DIR",
                        packs.toString()),
                new Properties());
        try (Embedded app = new Embedded(c, java.time.Clock.systemUTC())) {
            var clock = app.cases().noticeTypes().stream()
                    .filter(t -> t.id().equals("CN_DSP_ART12_COMPLAINT"))
                    .findFirst()
                    .orElseThrow()
                    .clocks()
                    .get(0);
            assertThat(clock.inForceAt(java.time.Instant.now()).orElseThrow().duration())
                    .isEqualTo(Duration.ofDays(3));
        }
        assertThatThrownBy(() -> PramaanConfig.load(
                        Map.of(
                                "PRAMAAN_CASES_RULE_PACK_DIR",
                                dir.resolve("nope").toString()),
                        new Properties()))
                .hasMessageContaining("cases.rule-pack-dir")
                .hasMessageContaining("not a folder");
    }

    @Test
    void unknownJurisdictionsFailAtStartup() {
        PramaanConfig c = PramaanConfig.load(
                Map.of("PRAMAAN_DATA_DIR", dir.toString(), "PRAMAAN_POLICY_JURISDICTION", "XX"), new Properties());
        assertThatThrownBy(() -> new Embedded(c, java.time.Clock.systemUTC())).hasMessageContaining("'XX'");
        assertThat(Files.exists(dir.resolve("pramaan.db")))
                .as("nothing opened before validation")
                .isFalse();
    }

    @Test
    void notificationSettingsAreCheckedAndSecretsNeverEchoed() {
        assertThatThrownBy(() -> PramaanConfig.load(
                        Map.of(
                                "PRAMAAN_NOTIFY_WEBHOOK_URL",
                                "https://platform.example/hook",
                                "PRAMAAN_NOTIFY_WEBHOOK_SECRET",
                                "hunter2"),
                        new Properties()))
                .hasMessageContaining("notify.webhook.secret")
                .hasMessageContaining("at least 16")
                .hasMessageNotContaining("hunter2")
                .hasMessageContaining("7 characters, hidden");
        assertThatThrownBy(() -> PramaanConfig.load(Map.of("PRAMAAN_NOTIFY_WEBHOOK_URL", "ftp://x"), new Properties()))
                .hasMessageContaining("http(s) URL");
        assertThatThrownBy(
                        () -> PramaanConfig.load(Map.of("PRAMAAN_NOTIFY_SMTP_HOST", "mail.example"), new Properties()))
                .hasMessageContaining("notify.smtp.from");
        assertThatThrownBy(() -> PramaanConfig.load(Map.of("PRAMAAN_NOTIFY_LANGUAGE", "fr"), new Properties()))
                .hasMessageContaining("[en, hi]");
        assertThatThrownBy(() -> PramaanConfig.load(
                        Map.of("PRAMAAN_NOTIFY_TRANSPARENCY_DB_URL", "https://transparency.dsa.ec.europa.eu"),
                        new Properties()))
                .hasMessageContaining("notify.transparency-db.token");
        assertThatThrownBy(() -> PramaanConfig.load(
                        Map.of("PRAMAAN_CASES_CONTENT_URL_PATTERN", "https://x/(.+)"), new Properties()))
                .hasMessageContaining("group named id");
        PramaanConfig ok = PramaanConfig.load(
                Map.of(
                        "PRAMAAN_NOTIFY_WEBHOOK_URL",
                        "https://platform.example/hook",
                        "PRAMAAN_NOTIFY_WEBHOOK_SECRET",
                        "sixteen-chars-ok",
                        "PRAMAAN_NOTIFY_LANGUAGE",
                        "hi"),
                new Properties());
        assertThat(ok.notifications().webhookUrl()).contains("https://platform.example/hook");
        assertThat(ok.notifications().language()).isEqualTo("hi");
        assertThat(ok.notifications().smtpHost()).isEmpty();
    }
}
