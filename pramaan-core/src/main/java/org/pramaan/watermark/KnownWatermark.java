package org.pramaan.watermark;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message a generator marks with {@code dwtDct}, with the bit counts that decide the verdict.
 * A count must be reached (≥) to earn the verdict.
 *
 * @param id        stable name in signals ({@code sdxl}, {@code sd1})
 * @param generator who marks it
 * @param bits      the message, first bit first
 * @param text      the UTF-8 text the bits spell, for text messages
 * @param partial   bits for {@link Verdict#PARTIAL}
 * @param likely    bits for {@link Verdict#LIKELY}
 * @param veryLikely bits for {@link Verdict#VERY_LIKELY}
 * @param basis     where the message and the thresholds come from
 * @param invertible whether the generator's float arithmetic can leave the complement of the message
 *                  ({@link DwtDctWatermark.Arithmetic#FLOAT}: where the float U plane is negative, an 8-bit
 *                  decode reads every bit flipped), so a match of the complement counts too
 */
public record KnownWatermark(
        String id,
        String generator,
        boolean[] bits,
        Optional<String> text,
        int partial,
        int likely,
        int veryLikely,
        String basis,
        boolean invertible) {
    public KnownWatermark {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(generator, "generator");
        bits = bits.clone();
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(basis, "basis");
        if (!(0 < partial && partial <= likely && likely <= veryLikely && veryLikely <= bits.length)) {
            throw new IllegalArgumentException(id + ": thresholds must rise within 1.." + bits.length + ", were "
                    + partial + "/" + likely + "/" + veryLikely);
        }
    }

    @Override
    public boolean[] bits() {
        return bits.clone();
    }

    /** How sure a bit count makes us. */
    public enum Verdict {
        NONE,
        PARTIAL,
        LIKELY,
        VERY_LIKELY
    }

    public Verdict verdict(int matchedBits) {
        return matchedBits >= veryLikely
                ? Verdict.VERY_LIKELY
                : matchedBits >= likely ? Verdict.LIKELY : matchedBits >= partial ? Verdict.PARTIAL : Verdict.NONE;
    }

    /**
     * SDXL's fixed 48-bit message {@code 0xB3EC907BB19E} (generative-models {@code sgm/inference/helpers.py}
     * and diffusers {@code StableDiffusionXLWatermarker}: {@code WATERMARK_BITS} from {@code bin(0xB3EC907BB19E)},
     * most significant bit first). Thresholds from generative-models {@code scripts/demo/detect.py}
     * {@code MATCH_VALUES}: ≤ 27 "No watermark detected", 28–33 "Partial watermark match", 34–35 "Likely
     * watermarked" (0.02 % of their real images), ≥ 36 "Very likely watermarked" (none of their real images).
     */
    public static final KnownWatermark SDXL = new KnownWatermark(
            "sdxl",
            "Stable Diffusion XL (Stability AI)",
            longBits(0xB3EC907BB19EL, 48),
            Optional.empty(),
            28,
            34,
            36,
            "generative-models scripts/demo/detect.py MATCH_VALUES (10,000 images)",
            true);

    /**
     * SD 1.x reference scripts ({@code scripts/txt2img.py}: {@code set_watermark('bytes', "StableDiffusionV1".encode('utf-8'))},
     * 17 bytes = 136 bits, each byte most significant bit first as {@code np.unpackbits}). The SD repo publishes no
     * threshold ({@code scripts/tests/test_watermark.py} only prints the decoded text), so ours keep SDXL's ratios:
     * partial 28/48, likely 34/48, very likely 36/48 of 136 bits, rounded up.
     */
    public static final KnownWatermark SD1 =
            text("sd1", "Stable Diffusion 1.x reference scripts (CompVis/Stability AI)", "StableDiffusionV1");

    /** The messages screening looks for. SD 2.x's 32-bit "SDV2" is left out: too short for a safe threshold without data (docs/watermark.md). */
    public static final List<KnownWatermark> ALL = List.of(SDXL, SD1);

    static KnownWatermark text(String id, String generator, String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        boolean[] bits = new boolean[bytes.length * 8];
        for (int i = 0; i < bits.length; i++) bits[i] = (bytes[i / 8] >> (7 - i % 8) & 1) == 1;
        int n = bits.length;
        return new KnownWatermark(
                id,
                generator,
                bits,
                Optional.of(message),
                ceil(n * 28, 48),
                ceil(n * 34, 48),
                ceil(n * 36, 48),
                "our scaling of SDXL's detect.py ratios; no published threshold",
                false);
    }

    private static int ceil(int a, int b) {
        return (a + b - 1) / b;
    }

    static boolean[] longBits(long value, int n) {
        boolean[] bits = new boolean[n];
        for (int i = 0; i < n; i++) bits[i] = (value >>> (n - 1 - i) & 1) == 1;
        return bits;
    }
}
