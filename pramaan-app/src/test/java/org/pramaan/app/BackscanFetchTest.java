package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.backscan.ScanSettings;
import org.pramaan.errors.Invalid;
import org.pramaan.media.MediaSource;

/** The embedded fetch hook on a real local HTTP server and real files: prefixes, size caps, links, bad ids. */
class BackscanFetchTest {
    @TempDir
    Path dir;

    HttpServer http;
    String base;

    @BeforeEach
    void serve() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/media/small.bin", x -> {
            byte[] b = new byte[1000];
            x.sendResponseHeaders(200, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        http.createContext("/media/big.bin", x -> {
            x.sendResponseHeaders(200, 0); // chunked: the cap is counted as the bytes arrive, not taken from a header
            for (int i = 0; i < 10; i++) x.getResponseBody().write(new byte[1000]);
            x.close();
        });
        http.createContext("/media/moved.bin", x -> {
            x.getResponseHeaders().add("Location", base + "/elsewhere/small.bin");
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        http.start();
        base = "http://127.0.0.1:" + http.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    BackscanFetch fetch(Optional<Path> root) throws IOException {
        return new BackscanFetch(
                new PramaanConfig.Backscan(
                        ScanSettings.DEFAULT, root, List.of(base + "/media/"), 5000, Duration.ofSeconds(10), true),
                Files.createDirectories(dir.resolve("spool")));
    }

    @Test
    void urlsUnderAPrefixAreFetchedWithinTheSizeCapAndTheSpoolIsCleanedUp() throws Exception {
        BackscanFetch f = fetch(Optional.empty());
        Path spooled;
        try (MediaSource s = f.open(base + "/media/small.bin")) {
            assertThat(s.size()).isEqualTo(1000);
            spooled = s.file().orElseThrow();
            assertThat(spooled).exists();
        }
        assertThat(spooled).as("deleted when closed").doesNotExist();
        assertThatThrownBy(() -> f.open(base + "/media/big.bin"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("backscan.fetch-max-bytes (5000)");
        assertThatThrownBy(() -> f.open(base + "/media/moved.bin"))
                .as("no redirect leaves the prefix")
                .hasMessageContaining("answered 302");
        assertThat(Files.list(dir.resolve("spool")))
                .as("nothing left in the spool")
                .isEmpty();
        assertThatThrownBy(() -> f.check(base + "/other/x.png"))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.code()).isEqualTo("backscan.fetch_refused"));
        assertThatThrownBy(() -> f.check(base + "/media/../admin"))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.code()).isEqualTo("backscan.bad_id"));
        assertThatThrownBy(() -> f.check("http://user:pw@127.0.0.1/media/x"))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.code()).isEqualTo("backscan.bad_id"));
        assertThatThrownBy(() -> f.check("a.png"))
                .as("ids need a fetch root")
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.code()).isEqualTo("backscan.fetch_refused"));
    }

    @Test
    void idsAreReadInsideTheFetchRootOnlyAndLinksAreNotFollowedOut() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root/sub"));
        Files.write(root.resolve("a.png"), new byte[10]);
        Files.write(dir.resolve("secret.png"), new byte[10]);
        Files.createSymbolicLink(root.resolve("link.png"), dir.resolve("secret.png"));
        Files.write(root.resolve("big.png"), new byte[6000]);
        BackscanFetch f = fetch(Optional.of(dir.resolve("root")));
        try (MediaSource s = f.open("sub/a.png")) {
            assertThat(s.size()).isEqualTo(10);
        }
        assertThatThrownBy(() -> f.open("sub/link.png")).hasMessageContaining("not followed");
        assertThatThrownBy(() -> f.open("sub/big.png")).hasMessageContaining("backscan.fetch-max-bytes");
        assertThatThrownBy(() -> f.open("sub/none.png")).isInstanceOf(IOException.class);
        for (String bad : List.of("../secret.png", "/etc/passwd", "sub//a.png", "sub/./a.png", "sub\\a.png", "a b.png"))
            assertThatThrownBy(() -> f.check(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            Invalid.class, e -> assertThat(e.code()).isEqualTo("backscan.bad_id"));
    }
}
