package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pramaan.provenance.c2pa.JumbfTestBoxes.box;
import static org.pramaan.provenance.c2pa.JumbfTestBoxes.superbox;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JumbfTest {
    @Test
    void parsesLabelsTypesAndContentRanges() throws Exception {
        byte[] cbor = box("cbor", new byte[] {(byte) 0xA0});
        byte[] store = superbox(
                "c2pa",
                "c2pa",
                superbox("c2ma", "urn:c2pa:1", superbox("c2as", "c2pa.assertions", superbox("cbor", "a.b", cbor))));
        Jumbf.Box root = Jumbf.parseStore(store);
        assertThat(root.typeCode()).isEqualTo("c2pa");
        assertThat(root.label()).isEqualTo("c2pa");
        Jumbf.Box a = root.child("urn:c2pa:1")
                .orElseThrow()
                .child("c2pa.assertions")
                .orElseThrow()
                .child("a.b")
                .orElseThrow();
        Jumbf.Box content = a.content().orElseThrow();
        assertThat(content.type()).isEqualTo("cbor");
        assertThat(Arrays.copyOfRange(store, content.contentStart(), content.end()))
                .containsExactly((byte) 0xA0);
        assertThat(a.end() - a.contentStart())
                .isEqualTo(a.end() - a.start() - 8); // §8.4.2.3: hashed range excludes the superbox header
    }

    @Test
    void refusesBoxesThatOverrunTheirParent() {
        byte[] store = superbox("c2pa", "c2pa", box("cbor", new byte[] {1, 2, 3}));
        store[store.length - 10] = 0x7F; // inflate the inner cbor box's length
        assertThatThrownBy(() -> Jumbf.parseStore(store))
                .isInstanceOf(C2paException.class)
                .hasMessageContaining("declares");
    }

    @Test
    void refusesNestingBeyondTheLimit() {
        byte[] inner = box("cbor", new byte[] {0});
        for (int i = 0; i < Jumbf.MAX_DEPTH + 2; i++) inner = superbox("c2as", "l" + i, inner);
        byte[] deep = inner;
        assertThatThrownBy(() -> Jumbf.parseStore(deep))
                .isInstanceOf(C2paException.class)
                .satisfies(e -> assertThat(((C2paException) e).code()).isEqualTo("limit.exceeded"));
    }

    @Test
    void refusesAStoreWithTooManyManifests() {
        byte[][] manifests = new byte[ManifestStore.MAX_MANIFESTS + 1][];
        for (int i = 0; i < manifests.length; i++) manifests[i] = superbox("c2ma", "urn:c2pa:" + i);
        byte[] store = superbox("c2pa", "c2pa", manifests);
        assertThatThrownBy(() -> ManifestStore.parse(store))
                .isInstanceOf(C2paException.class)
                .hasMessageContaining("at most " + ManifestStore.MAX_MANIFESTS);
    }

    @Test
    void refusesASuperboxWithoutDescription() {
        byte[] store = box("jumb", box("cbor", new byte[] {0}));
        assertThatThrownBy(() -> Jumbf.parseStore(store)).hasMessageContaining("no description box");
    }

    @Test
    void rawMapValueReturnsTheStoredBytesOfANestedItem() {
        // {"a": 1, "signer_payload": {"x": h'0102'}}
        byte[] m = {
            (byte) 0xA2,
            0x61,
            'a',
            0x01,
            0x6E,
            's',
            'i',
            'g',
            'n',
            'e',
            'r',
            '_',
            'p',
            'a',
            'y',
            'l',
            'o',
            'a',
            'd',
            (byte) 0xA1,
            0x61,
            'x',
            0x42,
            1,
            2
        };
        int[] span = Cbor.rawMapValue(m, 0, m.length, "signer_payload").orElseThrow();
        assertThat(Arrays.copyOfRange(m, span[0], span[1])).containsExactly((byte) 0xA1, 0x61, 'x', 0x42, 1, 2);
        assertThat(Cbor.rawMapValue(Arrays.copyOf(m, m.length - 1), 0, m.length - 1, "signer_payload"))
                .isEmpty();
    }

    @Test
    void canonicalWriterUsesShortestHeads() {
        assertThat(new Cbor.Writer().head(0, 23).toByteArray()).containsExactly(0x17);
        assertThat(new Cbor.Writer().head(0, 24).toByteArray()).containsExactly(0x18, 0x18);
        assertThat(new Cbor.Writer().head(2, 256).toByteArray()).containsExactly(0x59, 0x01, 0x00);
        assertThat(new Cbor.Writer().head(4, 70000).toByteArray()).containsExactly(0x9A, 0x00, 0x01, 0x11, 0x70);
    }
}
