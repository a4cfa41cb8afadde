package org.pramaan.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs the C2PA reference SDK, {@code @contentauth/c2pa-node@0.8.0} (c2pa-rs 0.90.1), into a build
 * folder ({@code -Dpramaan.c2paPeerDir}, default {@code target/c2pa-node}) once per clean build, and puts
 * the peer script next to it. {@code --ignore-scripts} because the package's postinstall fetches a binary
 * from GitHub, which is unreachable and unneeded: the npm tarball already holds the Linux x86-64 library
 * (shared/docs/c2pa-reference-peer.md). Missing node/npm skip the caller, except under {@code CI=true}.
 */
final class C2paPeerInstall {
    static final String PACKAGE = "@contentauth/c2pa-node";
    static final String VERSION = "0.8.0";
    private static final long NPM_TIMEOUT_S = 300;

    private C2paPeerInstall() {}

    /** @return the folder holding {@code node_modules} and {@code peer.mjs}, ready to run */
    static Path ensure() {
        requireTool("node");
        requireTool("npm");
        Path dir = Path.of(System.getProperty("pramaan.c2paPeerDir", "target/c2pa-node"))
                .toAbsolutePath();
        try {
            Files.createDirectories(dir);
            // Surefire forks or two modules may start at once: one installs, the others wait and reuse.
            try (FileChannel ch = FileChannel.open(
                            dir.resolve(".install.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = ch.lock()) {
                if (!installed(dir)) npmInstall(dir);
                copyScript(dir);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot prepare the C2PA reference peer in " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    static boolean installed(Path dir) throws IOException {
        Path pkg = dir.resolve("node_modules/" + PACKAGE);
        return Files.isRegularFile(pkg.resolve("dist/index.node"))
                && Files.isRegularFile(pkg.resolve("package.json"))
                && VERSION.equals(new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(pkg.resolve("package.json").toFile())
                        .path("version")
                        .asText());
    }

    private static void npmInstall(Path dir) throws IOException {
        Files.writeString(
                dir.resolve("package.json"), "{\"name\":\"pramaan-c2pa-peer\",\"private\":true,\"type\":\"module\"}\n");
        List<String> cmd = List.of(
                "npm",
                "install",
                "--ignore-scripts",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                PACKAGE + "@" + VERSION);
        Path log = dir.resolve("npm-install.log");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!p.waitFor(NPM_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("npm install of " + PACKAGE + "@" + VERSION + " did not finish in "
                        + NPM_TIMEOUT_S + " s (registry unreachable?); log: " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during npm install", e);
        }
        if (p.exitValue() != 0 || !installed(dir)) {
            throw new AssertionError("npm install of " + PACKAGE + "@" + VERSION + " failed (exit " + p.exitValue()
                    + ") in " + dir + "; run it there by hand: " + String.join(" ", cmd) + "\n" + tail(log));
        }
        System.out.printf(
                "C2PA reference peer: installed %s@%s into %s in %.1f s%n",
                PACKAGE, VERSION, dir, (System.nanoTime() - t0) / 1e9);
    }

    private static void copyScript(Path dir) throws IOException {
        try (InputStream in = C2paPeerInstall.class.getResourceAsStream("/c2pa-peer/peer.mjs")) {
            if (in == null) throw new AssertionError("test resource /c2pa-peer/peer.mjs missing from the classpath");
            Files.copy(in, dir.resolve("peer.mjs"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Node and npm come from the distribution or nodejs.org; CI must have them (its image has Node 20). */
    static void requireTool(String tool) {
        ExternalTools.requireProbe(
                new String[] {tool, "--version"},
                true,
                "'" + tool
                        + "' not found: the C2PA interop suite needs Node.js 20+ and npm (apt-get install -y nodejs npm) to run the reference SDK");
    }

    static String tail(Path log) {
        try {
            String s = Files.readString(log, StandardCharsets.UTF_8);
            return s.length() > 4000 ? "…" + s.substring(s.length() - 4000) : s;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
