package org.pramaan.hash;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.pramaan.banks.BankFiles;
import org.pramaan.fuzz.Contract;

/** Hash-bank import (CSV, TSV, JSONL, plain lines; the first byte picks): items, or an ImportException naming the line. */
public final class BankFilesFuzzer {
    private static final BankFiles.Format[] FORMATS = BankFiles.Format.values();
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private BankFilesFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) throws Exception {
        if (data.length == 0) return;
        BankFiles.Format f = FORMATS[(data[0] & 0xFF) % FORMATS.length];
        String text = new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
        try {
            BankFiles.parse(f, "fuzz", new StringReader(text), "fuzz", "fuzzer", AT);
        } catch (BankFiles.ImportException e) {
            Contract.refused(e);
        }
    }

    public static byte[] seed(BankFiles.Format f, String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[t.length + 1];
        out[0] = (byte) f.ordinal();
        System.arraycopy(t, 0, out, 1, t.length);
        return out;
    }
}
