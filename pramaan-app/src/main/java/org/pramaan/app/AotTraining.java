package org.pramaan.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.pramaan.cli.PramaanCli;
import org.pramaan.provenance.c2pa.C2paSigner;
import org.pramaan.provenance.c2pa.ManifestRequest;
import org.pramaan.provenance.c2pa.SigningAlgorithm;
import org.pramaan.provenance.c2pa.SigningKey;
import org.pramaan.provenance.c2pa.TrustSettings;

/**
 * The training run of the launcher's start-up cache (issue 18, CLI start): {@code ./pramaan} runs it
 * once per jar and JDK under JDK 25's {@code -XX:AOTCacheOutput} (JEP 514), which keeps the classes it
 * loads and links, and the method profiles it gathers (JEP 515), for later runs' {@code -XX:AOTCache}.
 * It runs the commands a script calls once per file ({@code --version}, {@code hash pdq},
 * {@code c2pa verify}, usage errors) on images it makes itself, on the default configuration, with
 * every output discarded; it never opens a data directory. The launcher starts it in an empty folder.
 * One signed file carries an RFC 3161 timestamp from a {@link LocalTsa}, so the cache also holds the
 * timestamp's verification (CMS, TSP, RSA), which most real signed files need (CACA.jpg: ~240 classes).
 */
public final class AotTraining {
    private AotTraining() {}

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        PramaanConfig config = PramaanConfig.load(Map.of(), new Properties());
        Path dir = Files.createTempDirectory("pramaan-aot");
        try {
            // A few rounds so that the profiles (JEP 515) see the hot loops more than once.
            train(dir, config, 3);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** Runs the training commands {@code rounds} times in {@code dir}; the exit of each in the last round, by its arguments. */
    static Map<String, Integer> train(Path dir, PramaanConfig config, int rounds) throws IOException {
        Path jpg = image(dir, "jpg");
        Path png = image(dir, "png");
        Path signed = dir.resolve("signed.jpg");
        List<String> sign = credentials(dir);
        Path stamped = stamped(dir, jpg);
        List<List<String>> runs = List.of(
                List.of("--version"),
                List.of("--help"),
                List.of("hash", "pdq", jpg.toString()),
                List.of("hash", "pdq", png.toString()),
                List.of("hash", "pdq", "--dihedral", jpg.toString()),
                concat(List.of("c2pa", "sign"), sign, List.of(jpg.toString(), signed.toString())),
                List.of("c2pa", "verify", signed.toString()),
                List.of("c2pa", "verify", stamped.toString()),
                List.of("c2pa", "verify", jpg.toString()),
                List.of("c2pa", "verify", png.toString()),
                List.of("c2pa", "read", signed.toString()),
                List.of("c2pa", "verify", dir.resolve("missing.jpg").toString()),
                List.of("c2pa", "verify"),
                List.of("scan", "--help"));
        Map<String, Integer> exits = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++)
            for (List<String> run : runs) exits.put(String.join(" ", run), run(config, run));
        return exits;
    }

    private static int run(PramaanConfig config, List<String> args) {
        PrintStream none = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        PrintWriter out = new PrintWriter(none, false, StandardCharsets.UTF_8);
        return PramaanCli.run(
                () -> new EmbeddedRuntime(config, Clock.systemUTC(), none), out, out, args.toArray(String[]::new));
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        return Stream.of(a, b, c).flatMap(List::stream).toList();
    }

    /**
     * A throw-away P-256 key and self-signed certificate, so that signing and verifying a manifest (COSE,
     * X.509, JUMBF, the report's JSON) are part of the training; nothing is trusted or kept.
     */
    private static List<String> credentials(Path dir) throws IOException {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair kp = g.generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name("CN=Pramaan start-up cache training, O=Pramaan");
            X509CertificateHolder cert = new JcaX509v3CertificateBuilder(
                            name,
                            BigInteger.ONE,
                            Date.from(now.minusSeconds(3600)),
                            Date.from(now.plusSeconds(86_400)),
                            name,
                            kp.getPublic())
                    .addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate()));
            Path key = Files.writeString(
                    dir.resolve("key.pem"), pem("PRIVATE KEY", kp.getPrivate().getEncoded()));
            Path chain = Files.writeString(dir.resolve("chain.pem"), pem("CERTIFICATE", cert.getEncoded()));
            return List.of(
                    "--key", key.toString(), "--chain", chain.toString(), "--source-type", "trainedAlgorithmicMedia");
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot make the training credentials: " + e.getMessage(), e);
        }
    }

    /**
     * {@code jpg} signed with a {@code sigTst2} token from a local RSA-2048 TSA, by a PS256 (RSA-2048) key
     * whose certificate has the usual CA-issued extensions, as the signer and TSA of CACA.jpg: the CLI
     * cannot ask for a timestamp (no TSA is reachable offline), so it is signed here directly.
     */
    private static Path stamped(Path dir, Path jpg) throws IOException {
        try {
            Clock clock = Clock.systemUTC();
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair kp = g.generateKeyPair();
            X509CertificateHolder cert = LocalTsa.certificate(
                    new X500Name("CN=Pramaan start-up cache training, O=Pramaan"),
                    kp,
                    KeyPurposeId.id_kp_emailProtection,
                    clock.instant());
            SigningKey key = SigningKey.fromPem(
                    pem("PRIVATE KEY", kp.getPrivate().getEncoded()),
                    pem("CERTIFICATE", cert.getEncoded()),
                    SigningAlgorithm.parse("ps256"));
            var signer = new C2paSigner(
                    key,
                    TrustSettings.none(clock),
                    "Pramaan start-up cache training",
                    "1",
                    Optional.of(new LocalTsa(clock, 2048)));
            var signed = signer.sign(
                    Files.readAllBytes(jpg),
                    ManifestRequest.created("trainedAlgorithmicMedia", "Pramaan"),
                    C2paSigner.Placement.EMBEDDED);
            return Files.write(dir.resolve("stamped.jpg"), signed.asset());
        } catch (Exception e) { // JCA's and BouncyCastle's checked exceptions alike
            throw new IOException("cannot make the timestamped training file: " + e.getMessage(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static Path image(Path dir, String format) throws IOException {
        BufferedImage img = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) img.setRGB(x, y, (x * 13 ^ y * 7) << 8 | (x + y) & 0xff);
        Path p = dir.resolve("training." + format);
        if (!ImageIO.write(img, format, p.toFile())) throw new IOException("no ImageIO writer for " + format);
        return p;
    }
}
