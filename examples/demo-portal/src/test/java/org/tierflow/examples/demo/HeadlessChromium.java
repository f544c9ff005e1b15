package org.tierflow.examples.demo;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's Chromium, headless, driven through the system's chromedriver (Debian packages {@code chromium} and
 * {@code chromium-driver}). Both paths are given to Selenium, so Selenium Manager is never asked to download a
 * browser or a driver.
 *
 * <p>Without Chromium the browser tests are skipped with a message saying how to install it, unless the
 * environment variable {@value #REQUIRE} is {@code true} (CI sets it in {@code .ci/run}): then they fail.
 * {@code TIERFLOW_CHROMIUM} and {@code TIERFLOW_CHROMEDRIVER} point at other binaries.
 */
final class HeadlessChromium {

    static final String REQUIRE = "TIERFLOW_REQUIRE_BROWSER";

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final Path profile;

    private HeadlessChromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Skips a browser test class, with the reason in the test report, when there is no Chromium and the browser is
     * not required; otherwise lets it run ({@link #startOrSkip} then fails it when the browser is required but
     * missing).
     */
    static final class Available implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String missing = missing();
            if (missing == null || required()) {
                return ConditionEvaluationResult.enabled("Chromium and chromedriver found, or required");
            }
            System.err.println("\n***** " + missing + " *****\n");
            return ConditionEvaluationResult.disabled(missing);
        }
    }

    private static File chromium() {
        return new File(setting("TIERFLOW_CHROMIUM", "/usr/bin/chromium"));
    }

    private static File chromedriver() {
        return new File(setting("TIERFLOW_CHROMEDRIVER", "/usr/bin/chromedriver"));
    }

    private static boolean required() {
        return Boolean.parseBoolean(System.getenv(REQUIRE));
    }

    /** Why the browser tests cannot run here, or null when they can. */
    private static String missing() {
        File chromium = chromium();
        File chromedriver = chromedriver();
        if (chromium.canExecute() && chromedriver.canExecute()) {
            return null;
        }
        return "BROWSER TESTS NOT RUN: no Chromium at " + chromium + " or no chromedriver at " + chromedriver
                + ". Install them (Debian/Ubuntu: sudo apt-get install chromium chromium-driver) or point"
                + " TIERFLOW_CHROMIUM and TIERFLOW_CHROMEDRIVER at them. CI sets " + REQUIRE + "=true, so there"
                + " they can never be skipped.";
    }

    /** Starts a fresh browser, or skips the calling test class (fails it when the browser is required). */
    static HeadlessChromium startOrSkip() {
        File chromium = chromium();
        File chromedriver = chromedriver();
        String message = missing();
        if (message != null) {
            if (required()) {
                Assertions.fail(message.replace("NOT RUN", "REQUIRED (" + REQUIRE + "=true) BUT NOT POSSIBLE"));
            }
            System.err.println("\n***** " + message + " *****\n");
            Assumptions.abort(message);
        }
        // Selenium Manager runs only when no driver path is known; the service below names it, and so does this.
        System.setProperty("webdriver.chrome.driver", chromedriver.getAbsolutePath());
        try {
            Path profile = Files.createTempDirectory("tierflow-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=zh-CN",
                    "--user-data-dir=" + profile.toAbsolutePath());
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver)
                    .usingAnyFreePort()
                    .build();
            return new HeadlessChromium(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    WebDriver driver() {
        return driver;
    }

    /** Waits for something the page will show; the time limit only stops a test that would otherwise hang. */
    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Saves a screenshot of the whole window under {@code target/screenshots}; returns the PNG. */
    byte[] screenshot(String name) {
        return save(name, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Saves a PNG under {@code target/screenshots}. */
    static byte[] save(String name, byte[] png) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void quit() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temp directory left behind is harmless
            }
        }
    }

    /** What a picture holds: how many distinct colours, and the share of pixels that are not (near) white. */
    record Picture(int width, int height, int distinctColours, double inkShare) {

        static Picture of(byte[] png) {
            try {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
                Set<Integer> colours = new HashSet<>();
                long ink = 0;
                for (int y = 0; y < image.getHeight(); y++) {
                    for (int x = 0; x < image.getWidth(); x++) {
                        int rgb = image.getRGB(x, y) & 0xFFFFFF;
                        colours.add(rgb);
                        int r = rgb >> 16 & 0xFF, g = rgb >> 8 & 0xFF, b = rgb & 0xFF;
                        if (r < 235 || g < 235 || b < 235) {
                            ink++;
                        }
                    }
                }
                return new Picture(image.getWidth(), image.getHeight(), colours.size(),
                        (double) ink / ((long) image.getWidth() * image.getHeight()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
