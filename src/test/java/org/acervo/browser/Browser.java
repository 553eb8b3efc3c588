package org.acervo.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages (/usr/bin/chromium and /usr/bin/chromedriver),
 * for tests that need a real browser. Nothing is downloaded. Outside CI, tests are skipped
 * when the packages are missing; in CI (CI=true, where .ci/run installs them) they fail.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static {
        // Selenium warns that it has no DevTools bindings for this Chromium; tests do not use them.
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a headless browser with a fresh profile, at a phone's width unless told otherwise. */
    public static Browser start() {
        return start(412, 915);
    }

    public static Browser start(int width, int height) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("CI") != null) {
            throw new AssertionError("chromium and chromium-driver are not installed; .ci/run installs them");
        }
        Assumptions.assumeTrue(present, "Debian's chromium and chromium-driver are not installed");
        try {
            Path profile = Files.createTempDirectory("acervo-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-extensions", "--disable-default-apps", "--mute-audio",
                    "--allow-file-access-from-files=false", "--window-size=" + width + "," + height,
                    "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            logs.enable(LogType.PERFORMANCE, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            Browser browser = new Browser(driver, profile);
            // the browser's own start page makes requests of its own: start clean
            driver.get("about:blank");
            browser.requests();
            browser.consoleErrors();
            return browser;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    /** Opens a file of an output folder over file://. */
    public Browser open(Path file) {
        driver.get(file.toUri().toString());
        return this;
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public WebDriverWait waitUpTo(Duration d) {
        return new WebDriverWait(driver, d);
    }

    /** Console messages at SEVERE level since the last call (errors, failed loads). */
    public List<String> consoleErrors() {
        List<String> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) out.add(e.getMessage());
        }
        return out;
    }

    /** Every URL the page requested since the last call, from the DevTools network log. */
    @SuppressWarnings("unchecked")
    public List<String> requests() {
        List<String> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
            String m = e.getMessage();
            if (!m.contains("\"Network.requestWillBeSent\"")) continue;
            int i = m.indexOf("\"url\":\"", m.indexOf("\"request\":"));
            if (i < 0) continue;
            int start = i + 7;
            int end = m.indexOf('"', start);
            String url = m.substring(start, end);
            if (!url.startsWith("chrome://") && !url.startsWith("devtools://") && !url.startsWith("chrome-extension://")) out.add(url);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var s = Files.walk(profile)) {
                s.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a temp profile left behind is harmless
            }
        }
    }

    static Map<String, Object> map(Object o) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) o;
        return m;
    }
}
