package org.pramaan.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.pramaan.provenance.c2pa.TrustSettings;
import org.pramaan.media.MediaLimits;

/**
 * Configuration from, in rising precedence: defaults, a properties file ({@code PRAMAAN_CONFIG}, else
 * {@code ./pramaan.properties} if present), environment variables ({@code data.dir} ↔
 * {@code PRAMAAN_DATA_DIR}) and system properties ({@code -Dpramaan.data.dir}). An unknown key or a
 * bad value fails at start-up naming the key, the value and where it came from.
 */
public record PramaanConfig(Path dataDir, String httpHost, int httpPort, MediaLimits limits, String jurisdiction,
                            List<String> rulePacks, Optional<Path> rulePackDir, Duration clockCheckInterval, Optional<String> adminKey,
                            Optional<Path> c2paTrustAnchors, Optional<Path> c2paTrustConfig) {

    /** Every key, its default and what it means (also the README's configuration table). */
    static final Map<String, String[]> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("data.dir", new String[] {"./pramaan-data", "where the SQLite file (pramaan.db) and the blob folder (blobs/) live"});
        KEYS.put("http.host", new String[] {"127.0.0.1", "address the server binds to"});
        KEYS.put("http.port", new String[] {"8080", "server port; 0 picks a free one"});
        KEYS.put("media.max-bytes", new String[] {Long.toString(MediaLimits.DEFAULT_MAX_BYTES), "largest accepted file in bytes"});
        KEYS.put("media.max-pixels", new String[] {Long.toString(MediaLimits.DEFAULT_MAX_PIXELS), "largest accepted image in pixels"});
        KEYS.put("policy.jurisdiction", new String[] {"IN", "screening policy (policies/<J>.json): IN or EU"});
        KEYS.put("cases.rule-packs", new String[] {"IN,EU,US,CN", "comma-separated rule packs for notices (rulepacks/<J>.json)"});
        KEYS.put("cases.rule-pack-dir", new String[] {"", "folder whose <J>.json files replace the bundled rule packs (your published limits)"});
        KEYS.put("cases.clock-check-interval", new String[] {"PT0.5S", "how often escalations and breaches are checked (ISO-8601 duration)"});
        KEYS.put("admin.key", new String[] {"", "register this admin API key at start-up instead of generating one (≥ 24 characters)"});
        KEYS.put("c2pa.trust-anchors", new String[] {"", "PEM bundle of C2PA trust anchors (e.g. the C2PA trust list); empty: manifests are Valid at best, never Trusted"});
        KEYS.put("c2pa.trust-config", new String[] {"", "accepted signer EKU OIDs, one per line (store.cfg); empty: the C2PA 2.2 §14.4.1 list"});
    }

    /** The C2PA trust settings on {@code clock}; the files were checked when the configuration loaded. */
    public TrustSettings c2paTrust(Clock clock) {
        if (c2paTrustAnchors.isEmpty()) return TrustSettings.none(clock);
        try {
            String cfg = c2paTrustConfig.isPresent() ? Files.readString(c2paTrustConfig.get()) : "";
            return TrustSettings.fromPem(Files.readString(c2paTrustAnchors.get()), cfg, clock);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the C2PA trust files: " + e.getMessage(), e);
        }
    }

    /** Bad configuration stops start-up: the trust files must parse. */
    private PramaanConfig checkedTrust(Parser p) {
        try {
            c2paTrust(Clock.systemUTC());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw p.badTrust(e.getMessage());
        }
        return this;
    }

    public static PramaanConfig load(Map<String, String> env, Properties system) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        KEYS.forEach((k, v) -> { values.put(k, v[0]); origin.put(k, "default"); });
        Path file = Path.of(env.getOrDefault("PRAMAAN_CONFIG", "pramaan.properties"));
        if (env.containsKey("PRAMAAN_CONFIG") || Files.isRegularFile(file)) readFile(file, values, origin);
        for (String k : KEYS.keySet()) {
            String e = env.get(envName(k));
            if (e != null) { values.put(k, e); origin.put(k, "environment variable " + envName(k)); }
            String s = system.getProperty("pramaan." + k);
            if (s != null) { values.put(k, s); origin.put(k, "system property pramaan." + k); }
        }
        return new Parser(values, origin).config();
    }

    static String envName(String key) { return "PRAMAAN_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'); }

    private static void readFile(Path file, Map<String, String> values, Map<String, String> origin) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        for (String k : p.stringPropertyNames()) {
            if (!KEYS.containsKey(k)) {
                throw new IllegalArgumentException("unknown key '" + k + "' in " + file + "; known keys: " + String.join(", ", KEYS.keySet()));
            }
            values.put(k, p.getProperty(k).trim());
            origin.put(k, file.toString());
        }
    }

    private record Parser(Map<String, String> values, Map<String, String> origin) {
        PramaanConfig config() {
            String admin = values.get("admin.key");
            if (!admin.isEmpty() && admin.length() < 24) throw bad("admin.key", "must be at least 24 characters");
            int port = (int) number("http.port", 0, 65535);
            return new PramaanConfig(Path.of(values.get("data.dir")), values.get("http.host"), port,
                    new MediaLimits(number("media.max-bytes", 1, Long.MAX_VALUE), number("media.max-pixels", 1, Long.MAX_VALUE)),
                    values.get("policy.jurisdiction").toUpperCase(Locale.ROOT),
                    Arrays.stream(values.get("cases.rule-packs").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                    ruleDir(), duration("cases.clock-check-interval"), admin.isEmpty() ? Optional.empty() : Optional.of(admin),
                    file("c2pa.trust-anchors"), file("c2pa.trust-config")).checkedTrust(this);
        }

        private Optional<Path> file(String key) {
            String f = values.get(key);
            if (f.isBlank()) return Optional.empty();
            if (!Files.isRegularFile(Path.of(f))) throw bad(key, "is not a file");
            return Optional.of(Path.of(f));
        }

        private Optional<Path> ruleDir() {
            String d = values.get("cases.rule-pack-dir");
            if (d.isBlank()) return Optional.empty();
            if (!Files.isDirectory(Path.of(d))) throw bad("cases.rule-pack-dir", "is not a folder");
            return Optional.of(Path.of(d));
        }

        private long number(String key, long min, long max) {
            try {
                long v = Long.parseLong(values.get(key));
                if (v < min || v > max) throw bad(key, "must be between " + min + " and " + max);
                return v;
            } catch (NumberFormatException e) {
                throw bad(key, "is not a whole number");
            }
        }

        private Duration duration(String key) {
            try {
                Duration d = Duration.parse(values.get(key));
                if (d.isNegative() || d.isZero()) throw bad(key, "must be positive");
                return d;
            } catch (DateTimeParseException e) {
                throw bad(key, "is not an ISO-8601 duration such as PT1S");
            }
        }

        IllegalArgumentException badTrust(String problem) { return bad("c2pa.trust-anchors", problem); }

        private IllegalArgumentException bad(String key, String problem) {
            return new IllegalArgumentException("configuration " + key + "='" + values.get(key) + "' (from " + origin.get(key) + ") " + problem);
        }
    }
}
