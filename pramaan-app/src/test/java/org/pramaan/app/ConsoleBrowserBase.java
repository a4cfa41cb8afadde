package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * The review console in a real browser (issue 13, "Done when"): Debian's Chromium driven by Playwright for Java against
 * a real server on a random port with a fake clock. Each page is scanned with axe-core (npm, installed under target/)
 * for serious or critical accessibility violations. Skips without chromium or npm, except under {@code CI=true}.
 * {@code -Dconsole.screenshots=true} saves a screenshot of each page to {@code docs/console/}.
 */
abstract class ConsoleBrowserBase extends ServerTestBase {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final String AXE_VERSION = "4.14.1";

    Playwright playwright;
    Browser browser;
    BrowserContext context;
    Page page;
    final List<String> cspErrors = new ArrayList<>();

    @BeforeEach
    void openBrowser() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        if (!Files.isExecutable(CHROMIUM)) {
            if (ci) throw new AssertionError("CI=true but " + CHROMIUM + " is missing: apt-get install -y chromium");
            Assumptions.abort("skipped: " + CHROMIUM + " not installed (apt-get install -y chromium)");
        }
        String axe = Files.readString(axe(ci));
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        // Injected through the DevTools protocol, so the page's CSP (no inline script) still applies to everything
        // else.
        context.addInitScript(axe);
        page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) cspErrors.add(m.text());
        });
    }

    @AfterEach
    void closeBrowser() {
        if (playwright != null) playwright.close();
    }

    /** axe-core from npm into target/axe-core once per clean build (as the C2PA peer is installed). */
    static Path axe(boolean ci) throws IOException, InterruptedException {
        Path dir = Path.of("target", "axe-core");
        Path js = dir.resolve("node_modules/axe-core/axe.min.js");
        if (Files.exists(js)) return js;
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"pramaan-axe\",\"private\":true}\n");
        Process p;
        try {
            p = new ProcessBuilder(
                            "npm",
                            "install",
                            "--ignore-scripts",
                            "--no-audit",
                            "--no-fund",
                            "--loglevel=error",
                            "axe-core@" + AXE_VERSION)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("npm-install.log").toFile())
                    .start();
        } catch (IOException e) {
            if (ci) throw new AssertionError("CI=true but npm is missing: apt-get install -y npm", e);
            Assumptions.abort("skipped: npm not installed, so axe-core cannot be installed");
            throw e;
        }
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(js)) {
            p.destroyForcibly();
            String msg = "npm install axe-core@" + AXE_VERSION + " failed; see " + dir.resolve("npm-install.log");
            if (ci) throw new AssertionError(msg);
            Assumptions.abort("skipped: " + msg);
        }
        return js;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** No serious or critical axe violation on the current page; a screenshot when asked for. */
    @SuppressWarnings("unchecked")
    void scan(String name) throws IOException {
        List<String> bad = (List<String>)
                page.evaluate(
                        "async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
                                + " return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                                + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', ')); }");
        assertThat(bad).as("axe serious/critical violations on " + name).isEmpty();
        assertThat(cspErrors).as("CSP violations on " + name).isEmpty();
        if ("true".equals(System.getProperty("console.screenshots"))) {
            Path out = Path.of("..", "docs", "console");
            Files.createDirectories(out);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(out.resolve(name + ".png"))
                    .setFullPage(true));
        }
    }
}
