package org.pramaan.banks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pramaan.hash.AudioFingerprint;
import org.pramaan.hash.AvHashes;
import org.pramaan.hash.Hash256;
import org.pramaan.hash.VpdqFrame;
import org.pramaan.hash.VpdqSegment;
import org.pramaan.json.Json;

/** Banked vPDQ frames and audio fingerprints: the query-side rule, the time ranges, persistence forms. */
class AvBanksTest {
    static final Instant T = Instant.parse("2026-05-01T00:00:00Z");
    final InMemoryBankRepository repo = new InMemoryBankRepository();
    final HashBanks banks =
            new HashBanks(repo, Clock.fixed(T, ZoneOffset.UTC), new org.pramaan.testing.NoRollbackUnitOfWork());
    final Random random = new Random(5);

    List<VpdqFrame> video(int seconds) {
        List<VpdqFrame> f = new ArrayList<>();
        for (int s = 0; s < seconds; s++)
            f.add(new VpdqFrame(
                    s * 10L,
                    s,
                    Hash256.of(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()),
                    90));
        return f;
    }

    /** Frames [from, to) of {@code v}, re-timed from 0 and a few bits off, as a re-encoded cut gives. */
    static List<VpdqFrame> cut(List<VpdqFrame> v, int from, int to) {
        List<VpdqFrame> out = new ArrayList<>();
        for (int s = from; s < to; s++) {
            Hash256 h = v.get(s).hash();
            out.add(new VpdqFrame(
                    (s - from) * 10L, s - from, Hash256.of(h.word(0), h.word(1), h.word(2), h.word(3) ^ 0x1F0F), 80));
        }
        return out;
    }

    BankItem banked(List<VpdqFrame> frames) {
        banks.ensure(HashBanks.REMOVED, BankKind.REMOVED);
        return banks.add(new BankItem(
                0,
                HashBanks.REMOVED,
                Optional.empty(),
                Optional.empty(),
                Optional.of("m1"),
                Optional.of("IN-1"),
                "case",
                "",
                "t",
                T,
                Optional.empty(),
                new AvHashes(frames, Optional.empty(), List.of())));
    }

    List<BankMatch> match(List<VpdqFrame> q) {
        return banks.match(Optional.empty(), Optional.empty(), new AvHashes(q, Optional.empty(), List.of()));
    }

    @Test
    void aClipIsFoundByTheQuerySideShareWithWhereItSitsInTheBankedVideo() {
        List<VpdqFrame> original = video(180);
        banked(original);
        List<BankMatch> m = match(cut(original, 60, 80));
        assertThat(m).singleElement().satisfies(x -> {
            assertThat(x.method()).isEqualTo("vpdq");
            assertThat(x.acts()).isTrue();
            assertThat(Double.parseDouble(x.details().get("queryMatchPercent"))).isEqualTo(100.0);
            assertThat(Double.parseDouble(x.details().get("storedMatchPercent")))
                    .isCloseTo(100.0 * 20 / 180, within(0.01));
            VpdqSegment s = x.segments().get(0);
            assertThat(s.storedStart()).isEqualTo(60.0);
            assertThat(s.storedEnd()).isEqualTo(79.0);
            assertThat(s.queryStart()).isEqualTo(0.0);
        });
    }

    @Test
    void aVideoSharingAFewFramesOrTooShortARunIsNotAMatch() {
        List<VpdqFrame> original = video(180);
        banked(original);
        List<VpdqFrame> mostlyOther = new ArrayList<>(cut(original, 0, 4));
        for (VpdqFrame f : video(30))
            mostlyOther.add(new VpdqFrame(f.frameNumber() + 40, f.timestampSeconds() + 4, f.hash(), 90));
        assertThat(match(mostlyOther)).as("4 of 34 frames: 12 %% query-side").isEmpty();
        // 4 matching seconds out of a 4 s upload: its whole length, so it matches; 4 s inside a 30 s upload of mostly
        // the same would not be 80 %.
        assertThat(match(cut(original, 10, 14))).hasSize(1);
        Bank b = banks.bank(HashBanks.REMOVED).orElseThrow();
        banks.update(b.with(BankState.DISABLED, b.pdqThreshold(), b.qualityFloor(), b.description()));
        assertThat(match(cut(original, 60, 80))).isEmpty();
    }

    @Test
    void unbankingTheMediaRemovesItsVideoHashes() {
        List<VpdqFrame> original = video(60);
        BankItem item = banked(original);
        assertThat(banks.items(HashBanks.REMOVED)).containsExactly(item);
        assertThat(banks.size()).isEqualTo(1);
        assertThat(banks.removeMedia(HashBanks.REMOVED, "m1")).isEqualTo(1);
        assertThat(match(cut(original, 10, 30))).isEmpty();
        assertThat(banks.items(HashBanks.REMOVED)).isEmpty();
    }

    @Test
    void allHashKindsSurviveJsonLinesAndTheStoreForm() throws Exception {
        int[] items = new int[40];
        boolean[] weak = new boolean[40];
        for (int i = 0; i < items.length; i++) {
            items[i] = random.nextInt();
            weak[i] = i % 7 == 0;
        }
        AudioFingerprint fp = new AudioFingerprint(items, weak, 7.25);
        BankItem item = banks.add(withAudio(banked(video(5)), fp));
        StringWriter out = new StringWriter();
        BankFiles.write(BankFiles.Format.JSONL, List.of(item), out);
        BankItem back = BankFiles.parse(BankFiles.Format.JSONL, "b", new StringReader(out.toString()), "import", "t", T)
                .get(0);
        assertThat(back.av().vpdq())
                .extracting(VpdqFrame::toReferenceLine)
                .isEqualTo(item.av().vpdq().stream()
                        .map(VpdqFrame::toReferenceLine)
                        .toList());
        assertThat(back.av().audio()).contains(fp);
        assertThat(Json.read(Json.write(item), BankItem.class)).isEqualTo(item);
        assertThat(Json.read(
                                "{\"id\":3,\"bank\":\"b\",\"sha256\":\"" + "a".repeat(64)
                                        + "\",\"source\":\"s\",\"note\":\"\",\"addedBy\":\"t\",\"addedAt\":\"2026-01-01T00:00:00Z\"}",
                                BankItem.class)
                        .av())
                .as("rows stored before vPDQ")
                .isEqualTo(AvHashes.NONE);
        assertThatThrownBy(() -> BankFiles.parse(
                        BankFiles.Format.JSONL, "b", new StringReader("{\"vpdq\":[\"0,90,zz,0.0\"]}\n"), "i", "t", T))
                .hasMessageStartingWith("line 1: vpdq[0]:");
    }

    @Test
    void tabSeparatedListsImportAndExport() throws Exception {
        String hex = "f8f8f0cce0f4e84d0e370a22028f67f0b36e2ed596623e1d33e6339c4e9c9b22";
        List<BankItem> items = BankFiles.parse(
                BankFiles.Format.TSV,
                "b",
                new StringReader("hash\tquality\tnote\n" + hex + "\t100\tbridge\n" + hex + "\t90\n"),
                "i",
                "t",
                T);
        assertThat(items).hasSize(2);
        assertThat(items.get(0).note()).isEqualTo("bridge");
        assertThat(items.get(1).pdq().orElseThrow().quality()).isEqualTo(90);
        StringWriter out = new StringWriter();
        BankFiles.write(BankFiles.Format.TSV, items, out);
        assertThat(out.toString()).startsWith("hash\tquality\t").contains(hex + "\t100\t");
        assertThat(BankFiles.parse(BankFiles.Format.TSV, "b", new StringReader(out.toString()), "i", "t", T))
                .hasSize(2);
    }

    static BankItem withAudio(BankItem i, AudioFingerprint fp) {
        return new BankItem(
                0,
                i.bank(),
                Optional.of("b".repeat(64)),
                i.pdq(),
                i.mediaId(),
                i.caseId(),
                i.source(),
                i.note(),
                i.addedBy(),
                i.addedAt(),
                i.disabledUntil(),
                new AvHashes(i.av().vpdq(), Optional.of(fp), List.of()));
    }
}
