package io.progressledger.bench.scenario;

import io.progressledger.bench.report.Results;
import io.progressledger.bench.report.Spread;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The dashboard page's first meaningful render with the store full (the issue asks for under a second at 1,000,000
 * events): Debian's headless Chromium (never a downloaded browser) signs in with the reader token, then reloads the
 * page; each reload's figure is the page's own {@code dashboard:overview-rendered} performance mark, from navigation
 * start to the overview's totals and chart drawn. The browser runs on the same two cores as everything else, so the
 * figure includes its own work. Without Chromium the scenario is reported as not available.
 */
final class DashboardScenario {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final int RELOADS = 5;
    private static final String MARK = "const m = performance.getEntriesByName('dashboard:overview-rendered'); "
            + "return m.length ? m[0].startTime : null";

    private final RunContext context;

    DashboardScenario(RunContext context) {
        this.context = context;
    }

    Results.Dashboard run() {
        long stored = context.store().count();
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            return new Results.Dashboard("not available: no " + CHROMIUM + " or " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)", null, stored, 0, Map.of(), List.of());
        }
        List<List<Double>> runs = new ArrayList<>();
        List<Double> medians = new ArrayList<>();
        for (int repetition = 1; repetition <= context.settings().repetitions(); repetition++) {
            AtomicLong done = context.progress().start("dashboard first render, run " + repetition, RELOADS,
                    "reloads", null);
            List<Double> renders = renders(done);
            context.progress().finish(String.format("median %.0f ms", Spread.of(renders).median()));
            runs.add(renders);
            medians.add(Spread.of(renders).median());
        }
        Spread firstRender = Spread.of(medians);
        return new Results.Dashboard("measured", firstRender.median(), stored, RELOADS,
                Map.of("firstRenderMs", firstRender), runs);
    }

    /** One fresh browser (empty cache, as a new visitor): sign in, then the mark of each reload. */
    private List<Double> renders(AtomicLong done) {
        Path profile = temporaryProfile();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--disable-default-apps", "--disable-extensions", "--lang=en-US",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.get(context.applications().querySide().url("/"));
            until(driver, d -> d.findElement(By.id("token"))).sendKeys(context.applications().credentials().apiToken());
            driver.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
            until(driver, d -> displayed(d.findElement(By.cssSelector("[data-total=talents]"))));
            List<Double> renders = new ArrayList<>();
            for (int i = 0; i < RELOADS; i++) {
                driver.navigate().refresh();
                Object mark = until(driver, d -> ((JavascriptExecutor) d).executeScript(MARK));
                renders.add(((Number) mark).doubleValue());
                done.incrementAndGet();
            }
            return renders;
        } finally {
            driver.quit();
            deleteQuietly(profile);
        }
    }

    private static WebElement displayed(WebElement element) {
        return element.isDisplayed() ? element : null;
    }

    /** Waits on the page (polling every 25 ms, at most 60 s) until the condition answers a value. */
    private static <T> T until(WebDriver driver, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(25))
                .ignoring(NoSuchElementException.class)
                .withMessage("the dashboard did not render within 60 s")
                .until(condition);
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("bench-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
