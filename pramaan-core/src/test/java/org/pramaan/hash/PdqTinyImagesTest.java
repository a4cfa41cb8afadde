package org.pramaan.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaSource;
import org.pramaan.media.image.ImageDecoder;

/**
 * PDQ on small images, bit for bit against Meta's C++ reference: the 1,552 generated PNGs of
 * {@link TinyPdqImages} (1×1 to 130×130, square, wide and tall; grey, RGB, RGBA, palette), whose
 * C++ hashes and qualities are in {@code pdq/pdq-tiny-cpp.tsv}. Every one must match exactly, hash
 * and quality, through the product's decoder ({@link ImageDecoder#decodeForHashing}: our own PNG
 * decoder) and through ImageIO (the decoder it must agree with), and the dihedral {@code orig} hash
 * too (pdq/README rule 1: the same pixels give the same hash).
 *
 * <p>How the TSV was made (a development tool, never part of this repository): fetch
 * facebook/ThreatExchange at the commit named in the TSV, take {@code pdq/cpp} out of it, and run
 * {@code make pdq-photo-hasher} there (g++, no extra packages: the upstream Makefile does not
 * define {@code cimg_use_png}, so CImg decodes through ImageMagick's {@code convert FILE pnm:-}).
 * ImageMagick 6.9.11-60 from Debian 12 must be the {@code convert} first on {@code PATH}. Then
 * {@code java pramaan-core/src/test/java/org/pramaan/hash/TinyPdqImages.java DIR}, and in DIR
 * {@code ls *.png | LC_ALL=C sort | pdq-photo-hasher -k -i} prints {@code hash,quality,file}.
 */
class PdqTinyImagesTest {
    record Expected(Hash256 hash, int quality) {}

    static Map<String, Expected> expected() throws IOException {
        Map<String, Expected> out = new LinkedHashMap<>();
        try (InputStream in = PdqTinyImagesTest.class.getResourceAsStream("/pdq/pdq-tiny-cpp.tsv")) {
            assertThat(in).as("pdq/pdq-tiny-cpp.tsv on the test class path").isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            boolean header = true;
            for (String line : text.lines().toList()) {
                if (line.startsWith("#")) continue;
                if (header) {
                    assertThat(line).isEqualTo("file\thash\tquality");
                    header = false;
                    continue;
                }
                int a = line.indexOf('\t'), b = line.indexOf('\t', a + 1);
                out.put(
                        line.substring(0, a),
                        new Expected(
                                Hash256.fromHex(line.substring(a + 1, b)), Integer.parseInt(line.substring(b + 1))));
            }
        }
        return out;
    }

    private static BufferedImage productDecode(byte[] png) {
        try (MediaSource src = MediaSource.of(png)) {
            MediaInfo info = MediaProber.standard().probe(src, MediaLimits.defaults());
            return ImageDecoder.decodeForHashing(src, info);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyGeneratedImageHashesExactlyAsTheCppReference() throws IOException {
        Map<String, Expected> expected = expected();
        List<TinyPdqImages.Case> cases = TinyPdqImages.cases();
        assertThat(expected.keySet())
                .as("the TSV covers exactly the generated cases")
                .containsExactlyElementsOf(cases.stream()
                        .map(TinyPdqImages.Case::fileName)
                        .sorted()
                        .toList());
        PdqHasher hasher = new PdqHasher();
        List<String> wrong = new ArrayList<>();
        int exact = 0;
        for (TinyPdqImages.Case c : cases) {
            Expected e = expected.get(c.fileName());
            byte[] png = TinyPdqImages.png(c);
            PdqResult ours = hasher.hash(productDecode(png));
            PdqResult viaImageIo = hasher.hash(ImageIO.read(new ByteArrayInputStream(png)));
            Hash256 dihedralOrig = hasher.dihedral(productDecode(png)).get(Dihedral.ORIG);
            boolean ok = ours.hash().equals(e.hash())
                    && ours.quality() == e.quality()
                    && viaImageIo.equals(ours)
                    && dihedralOrig.equals(e.hash());
            if (ok) exact++;
            else
                wrong.add(String.format(
                        "%s: %d bits q=%d (ref %d); ImageIO %d bits q=%d; dihedral orig %d bits",
                        c.fileName(),
                        ours.hash().distance(e.hash()),
                        ours.quality(),
                        e.quality(),
                        viaImageIo.hash().distance(e.hash()),
                        viaImageIo.quality(),
                        dihedralOrig.distance(e.hash())));
        }
        System.out.printf("PDQ tiny images vs C++: %d of %d exact%n", exact, cases.size());
        assertThat(wrong).as("%d of %d differ", wrong.size(), cases.size()).isEmpty();
        assertThat(exact).isEqualTo(1552);
    }

    /**
     * At exactly 64×64 the reference's plain hash (pdqFloat256FromFloatLuma) takes the pixels as
     * the downsample, unblurred, and its dihedral hashes (pdqDihedralHash256esFromFloatLuma) blur
     * them with window 1, which rounds. RGB noise 64×64 from {@code new Random(seed)}, one {@code
     * nextInt(1 << 24)} per pixel in row order, saved as PNG; the C++ tool (same build as the TSV)
     * gave these hashes without and with {@code --pdqdih} (quality 100 both).
     */
    @Test
    void sixtyFourSquareIsHashedUnblurredButItsDihedralHashesBlurred() {
        String[][] ref = {
            {
                "14164",
                "5aaa9dd0234058594d1c29b1959fdcf2d12cee2dd4f63d0a0453f553a15bfe31",
                "5aaa9dd0234058594d1c29b1959fdcf2d12cee2d54f63d0a0453f55ba15bfe31"
            },
            {
                "17110",
                "bb5cc7c9873c5dc3116020c6a0cc39622151f2a99fd500833596cffdf7e2c3b7",
                "bb1cc7c9873c5dc3116020c6a0cc39622151f2a99fd500833596cffdf7e2e3b7"
            }
        };
        PdqHasher hasher = new PdqHasher();
        for (String[] r : ref) {
            java.util.Random random = new java.util.Random(Long.parseLong(r[0]));
            BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 64; y++) for (int x = 0; x < 64; x++) img.setRGB(x, y, random.nextInt(1 << 24));
            assertThat(hasher.hash(img)).as("seed %s", r[0]).isEqualTo(new PdqResult(Hash256.fromHex(r[1]), 100));
            assertThat(hasher.dihedral(img).get(Dihedral.ORIG))
                    .as("seed %s dihedral", r[0])
                    .isEqualTo(Hash256.fromHex(r[2]));
        }
    }
}
