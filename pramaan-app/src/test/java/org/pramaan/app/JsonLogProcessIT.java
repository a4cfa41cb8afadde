package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.json.Json;

/** {@code PRAMAAN_LOG_FORMAT=json}: the packaged server, run as a process, writes only JSON lines, the access line among them with its fields. */
class JsonLogProcessIT {
    @TempDir
    Path dir;

    private ProcessBuilder serve(String format) {
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        System.getProperty("pramaan.jar"),
                        "serve",
                        "--port",
                        "0")
                .directory(dir.toFile());
        pb.environment().put("PRAMAAN_DATA_DIR", dir.resolve("data").toString());
        pb.environment().put("PRAMAAN_LOG_FORMAT", format);
        return pb.redirectOutput(dir.resolve("serve.out").toFile())
                .redirectError(dir.resolve("serve.err").toFile());
    }

    private List<JsonNode> logLines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readString(dir.resolve("serve.err"), StandardCharsets.UTF_8)
                .split("\n")) {
            if (line.isBlank()) continue;
            JsonNode n = Json.mapper().readTree(line);
            assertThat(n.isObject()).as("a JSON object per line: " + line).isTrue();
            lines.add(n);
        }
        return lines;
    }

    @Test
    void everyLogLineIsJsonAndTheAccessLineCarriesItsFieldsButNoKey() throws Exception {
        Process p = serve("json").start();
        try {
            String out = "";
            for (int i = 0; i < 600 && !out.contains("Press Ctrl+C"); i++) {
                Thread.sleep(100);
                out = Files.readString(dir.resolve("serve.out"));
            }
            Matcher url = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(out);
            Matcher key = Pattern.compile("(pmn_[0-9a-f]+_[0-9a-f]+)").matcher(out);
            assertThat(url.find())
                    .as(out + Files.readString(dir.resolve("serve.err")))
                    .isTrue();
            assertThat(key.find()).as(out).isTrue();
            ApiClient api = new ApiClient(Integer.parseInt(url.group(1)));
            assertThat(api.get("/v1/cases/no-such-case-7", key.group(1)).status())
                    .isEqualTo(404);
            JsonNode access = null;
            for (int i = 0; i < 200 && access == null; i++) {
                access = logLines().stream()
                        .filter(n -> n.path("loggerName").asText().equals("pramaan.http.access"))
                        .findFirst()
                        .orElse(null);
                if (access == null) Thread.sleep(50);
            }
            assertThat(access).as(Files.readString(dir.resolve("serve.err"))).isNotNull();
            String fields = access.toString();
            assertThat(fields)
                    .contains(
                            "\"route\"",
                            "/v1/cases/{id}",
                            "\"status\"",
                            "404",
                            "\"method\"",
                            "\"GET\"",
                            "\"durationMs\"",
                            "\"keyId\"")
                    .doesNotContain(key.group(1))
                    .doesNotContain("no-such-case-7");
            assertThat(access.path("level").asText()).isEqualTo("INFO");
            assertThat(access.path("formattedMessage").asText()).startsWith("GET /v1/cases/{id} 404 ");
        } finally {
            p.destroy();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        logLines();
    }

    @Test
    void anUnknownLogFormatStopsStartUpNamingTheKey() throws Exception {
        Process p = serve("xml").start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("serve.err")))
                .contains("log.format='xml'")
                .contains("PRAMAAN_LOG_FORMAT")
                .contains("text or json");
    }
}
