package org.pramaan.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.pramaan.json.Json;

/**
 * Verifies an evidence bundle offline, with nothing but the bundle: every file matches the digest in
 * its manifest, every full audit entry matches its own hash, and the audit segment is one unbroken
 * chain (each entry's prevHash is the previous entry's hash; redacted entries contribute only
 * their hashes). Limits guard against zip bombs.
 */
public final class BundleVerifier {
    public static final String FORMAT = "pramaan-evidence-bundle/1";
    /** Signed checkpoints (issue 11 defect 7) whose entries lie in the bundle's audit segment. */
    public static final String CHECKPOINTS = "audit-checkpoints.jsonl";

    static final int MAX_FILES = 1000;
    static final int MAX_CHECKPOINTS = 100_000;
    static final long MAX_TOTAL_BYTES = 1L << 30;

    /** The outcome: valid, or the problems found, each naming the file or audit entry. */
    public record Result(
            boolean valid,
            List<String> problems,
            String caseId,
            int auditEntries,
            int redactedEntries,
            int checkpointsVerified,
            String checkpointKeyFingerprint) {
        public Result(boolean valid, List<String> problems, String caseId, int auditEntries, int redactedEntries) {
            this(valid, problems, caseId, auditEntries, redactedEntries, 0, "");
        }
    }

    private BundleVerifier() {}

    public static Result verify(byte[] zip) {
        return verify(zip, java.util.Optional.empty());
    }

    /**
     * Checks a case's evidence bundle offline, without the server or its database.
     *
     * @param trustedCheckpointKey the operator's published checkpoint public key (base64 X.509); with it,
     *                             checkpoints signed by any other key are refused. Without it the result
     *                             names the key's fingerprint for the reader to compare.
     */
    public static Result verify(byte[] zip, java.util.Optional<String> trustedCheckpointKey) {
        Map<String, byte[]> files;
        try {
            files = unzip(zip);
        } catch (IOException e) {
            return new Result(false, List.of("not a readable zip: " + e.getMessage()), "", 0, 0);
        }
        List<String> problems = new ArrayList<>();
        byte[] manifestBytes = files.get("manifest.json");
        if (manifestBytes == null) return new Result(false, List.of("manifest.json is missing"), "", 0, 0);
        JsonNode manifest;
        try {
            manifest = Json.mapper().readTree(manifestBytes);
        } catch (IOException e) {
            return new Result(false, List.of("manifest.json is not JSON"), "", 0, 0);
        }
        if (!FORMAT.equals(manifest.path("format").asText())) problems.add("manifest.json format is not " + FORMAT);
        manifest.path("files").fields().forEachRemaining(f -> {
            byte[] content = files.get(f.getKey());
            if (content == null) problems.add(f.getKey() + " is listed in the manifest but missing");
            else if (!sha256(content).equals(f.getValue().asText()))
                problems.add(f.getKey() + " does not match its digest in the manifest: it was changed");
        });
        for (String name : files.keySet()) {
            if (!name.equals("manifest.json") && !manifest.path("files").has(name))
                problems.add(name + " is in the bundle but not in the manifest");
        }
        Map<Long, String> hashes = new java.util.HashMap<>();
        int[] counts = checkChain(files.get("audit.jsonl"), problems, hashes);
        String key = manifest.path("checkpointPublicKey").asText("");
        int anchored = checkCheckpoints(files.get(CHECKPOINTS), key, trustedCheckpointKey, hashes, problems);
        return new Result(
                problems.isEmpty(),
                problems,
                manifest.path("caseId").asText(),
                counts[0],
                counts[1],
                anchored,
                key.isEmpty() ? "" : CheckpointKey.fingerprint(key));
    }

    /** Every checkpoint must be signed by the manifest's key (and the trusted one, if given) and name an entry of the segment with that hash. */
    private static int checkCheckpoints(
            byte[] jsonl,
            String key,
            java.util.Optional<String> trusted,
            Map<Long, String> hashes,
            List<String> problems) {
        if (jsonl == null) {
            if (!key.isEmpty()) problems.add(CHECKPOINTS + " is missing although the manifest names a checkpoint key");
            if (trusted.isPresent())
                problems.add(
                        "the bundle carries no signed checkpoints, but a checkpoint key was given to check them against");
            return 0;
        }
        if (key.isEmpty()) {
            problems.add(CHECKPOINTS + " is present but the manifest names no checkpointPublicKey");
            return 0;
        }
        if (trusted.isPresent() && !trusted.get().equals(key)) {
            problems.add("the bundle's checkpoints are signed by key " + CheckpointKey.fingerprint(key)
                    + ", not by the trusted key " + CheckpointKey.fingerprint(trusted.get()));
            return 0;
        }
        int ok = 0, n = 0;
        for (String line : org.pramaan.limits.PlainText.split(
                new String(jsonl, java.nio.charset.StandardCharsets.UTF_8), '\n', false)) {
            if (line.isBlank()) continue;
            if (++n > MAX_CHECKPOINTS) {
                problems.add(CHECKPOINTS + " has more than " + MAX_CHECKPOINTS + " lines");
                break;
            }
            Checkpoint c;
            try {
                c = Checkpoint.parse(line);
            } catch (IllegalArgumentException e) {
                problems.add(CHECKPOINTS + " line " + n + ": " + e.getMessage());
                continue;
            }
            if (!c.publicKey().equals(key))
                problems.add("checkpoint for audit entry " + c.seq() + " is signed by key "
                        + CheckpointKey.fingerprint(c.publicKey()) + ", not by the manifest's checkpoint key "
                        + CheckpointKey.fingerprint(key));
            else if (!CheckpointKey.verify(c))
                problems.add("checkpoint for audit entry " + c.seq()
                        + " has an invalid signature: it was forged or altered");
            else if (!hashes.containsKey(c.seq()))
                problems.add(
                        "checkpoint for audit entry " + c.seq() + " names an entry outside the bundle's audit segment");
            else if (!hashes.get(c.seq()).equals(c.hash()))
                problems.add("audit entry " + c.seq() + " is not the entry the checkpoint signed at " + c.at()
                        + ": the segment was rewritten");
            else ok++;
        }
        return ok;
    }

    private static int[] checkChain(byte[] jsonl, List<String> problems, Map<Long, String> hashes) {
        if (jsonl == null) {
            problems.add("audit.jsonl is missing");
            return new int[] {0, 0};
        }
        int full = 0, redacted = 0;
        String prevHash = null;
        long prevSeq = -1;
        for (String line : org.pramaan.limits.PlainText.split(
                new String(jsonl, java.nio.charset.StandardCharsets.UTF_8), '\n', false)) {
            if (line.isBlank()) continue;
            JsonNode e;
            try {
                e = Json.mapper().readTree(line);
            } catch (IOException ex) {
                problems.add("audit.jsonl has a line that is not JSON");
                continue;
            }
            long seq = e.path("seq").asLong();
            String hash = e.path("hash").asText();
            if (prevSeq >= 0 && seq != prevSeq + 1)
                problems.add("audit entry " + seq + " follows " + prevSeq + ": the segment has a gap");
            if (prevHash != null && !prevHash.equals(e.path("prevHash").asText()))
                problems.add("audit entry " + seq + " does not link to entry " + prevSeq);
            if (e.path("redacted").asBoolean(false)) {
                redacted++;
            } else {
                full++;
                String expected = AuditEntry.computeHash(
                        seq,
                        Instant.parse(e.path("at").asText()),
                        e.path("type").asText(),
                        e.path("subject").asText(),
                        e.path("details").asText(),
                        e.path("prevHash").asText());
                if (!expected.equals(hash))
                    problems.add("audit entry " + seq + " (" + e.path("type").asText()
                            + ") was edited: its contents no longer match its hash");
            }
            hashes.put(seq, hash);
            prevHash = hash;
            prevSeq = seq;
        }
        if (full == 0) problems.add("audit.jsonl holds no entries about the case");
        return new int[] {full, redacted};
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry z;
            while ((z = in.getNextEntry()) != null) {
                if (out.size() >= MAX_FILES) throw new IOException("more than " + MAX_FILES + " files");
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) > 0) {
                    total += n;
                    if (total > MAX_TOTAL_BYTES)
                        throw new IOException("more than " + MAX_TOTAL_BYTES + " bytes uncompressed");
                    b.write(buf, 0, n);
                }
                out.put(z.getName(), b.toByteArray());
            }
        }
        if (out.isEmpty()) throw new IOException("no files");
        return out;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The manifest digest function, shared with the exporter so both agree. */
    public static String digest(byte[] content) {
        return sha256(content);
    }
}
