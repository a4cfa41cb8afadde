package org.pramaan.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pramaan.hash.ContentDigests;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaSource;
import org.pramaan.media.MediaType;

class SignalInputTest {
    private final MediaSource source = MediaSource.of(new byte[] {1, 2, 3});
    private final SignalInput input = new SignalInput(
            source,
            new MediaInfo(MediaType.PNG, 3, Optional.empty(), Optional.empty()),
            Optional.of(new UploaderDeclaration(true, "mine")));

    @Test
    void resultsAreTypedPerKeyAndAbsentUntilAnExtractorLeavesThem() throws Exception {
        assertThat(input.get(SignalInput.DIGESTS)).isEmpty();
        ContentDigests d = ContentDigests.of(source);
        input.put(SignalInput.DIGESTS, d);
        assertThat(input.get(SignalInput.DIGESTS)).contains(d);
        input.put(SignalInput.BANK_MATCHES, List.of());
        assertThat(input.get(SignalInput.BANK_MATCHES)).contains(List.of());
        assertThat(input.get(SignalInput.PDQ)).as("other keys stay empty").isEmpty();
        assertThat(input.declaration()).contains(new UploaderDeclaration(true, "mine"));
    }

    @Test
    void keysCompareByIdentitySoTwoExtractorsPickingOneNameDoNotCollide() {
        SignalInput.Key<String> mine = SignalInput.key("score");
        SignalInput.Key<String> theirs = SignalInput.key("score");
        input.put(mine, "0.9");
        assertThat(input.get(theirs)).isEmpty();
        input.put(theirs, "0.1");
        assertThat(input.get(mine)).contains("0.9");
    }

    @Test
    void aResultIsWrittenOnceSoADuplicateExtractorInTheListIsCaught() {
        SignalInput.Key<Integer> k = SignalInput.key("twice");
        input.put(k, 1);
        assertThatThrownBy(() -> input.put(k, 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'twice' was already computed");
        assertThat(input.get(k)).contains(1);
    }
}
