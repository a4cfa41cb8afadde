package org.pramaan.banks;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pramaan.banks.BankFiles.Format;
import org.pramaan.hash.VpdqFrame;
import org.pramaan.json.Json;

/** The export side of {@link BankFiles}: every format written so that {@link BankFileReader} reads it back. */
final class BankFileWriter {
    private BankFileWriter() {}

    static void write(Format format, List<BankItem> items, Writer out) throws IOException {
        if (format == Format.CSV) out.write("hash,quality,sha256,note,source,case_id\n");
        if (format == Format.TSV) out.write("hash\tquality\tsha256\tnote\tsource\tcase_id\n");
        for (BankItem i : items) {
            switch (format) {
                case CSV ->
                    out.write(String.join(
                                    ",",
                                    i.pdq().map(p -> p.hash().toHex()).orElse(""),
                                    i.pdq()
                                            .map(p -> Integer.toString(p.quality()))
                                            .orElse(""),
                                    i.sha256().orElse(""),
                                    quote(i.note()),
                                    quote(i.source()),
                                    quote(i.caseId().orElse("")))
                            + "\n");
                case TSV ->
                    out.write(String.join(
                                    "\t",
                                    i.pdq().map(p -> p.hash().toHex()).orElse(""),
                                    i.pdq()
                                            .map(p -> Integer.toString(p.quality()))
                                            .orElse(""),
                                    i.sha256().orElse(""),
                                    tsv(i.note()),
                                    tsv(i.source()),
                                    tsv(i.caseId().orElse("")))
                            + "\n");
                case JSONL -> out.write(Json.write(view(i)) + "\n");
                case LINES -> {
                    if (i.pdq().isPresent()) out.write(i.pdq().get().hash().toHex() + "\n");
                }
            }
        }
        out.flush();
    }

    /** An item as JSON lines export and the API show it. */
    static Map<String, Object> view(BankItem i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        i.pdq().ifPresent(p -> {
            m.put("pdq", p.hash().toHex());
            m.put("quality", p.quality());
        });
        i.sha256().ifPresent(s -> m.put("sha256", s));
        i.mediaId().ifPresent(s -> m.put("mediaId", s));
        i.caseId().ifPresent(s -> m.put("caseId", s));
        m.put("source", i.source());
        m.put("note", i.note());
        m.put("addedBy", i.addedBy());
        m.put("addedAt", i.addedAt().toString());
        i.disabledUntil().ifPresent(d -> m.put("disabledUntil", d.toString()));
        if (!i.av().vpdq().isEmpty())
            m.put("vpdq", i.av().vpdq().stream().map(VpdqFrame::toReferenceLine).toList());
        i.av().audio().ifPresent(a -> m.put("audio", a.toBase64()));
        return m;
    }

    /** Tabs and line breaks would split a TSV field: replaced by spaces. */
    private static String tsv(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n")
                ? "\"" + s.replace("\"", "\"\"").replace("\n", " ") + "\""
                : s;
    }
}
