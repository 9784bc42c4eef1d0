package dev.roster.app.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by its chromedriver (packages {@code chromium} and {@code
 * chromium-driver}), one browser for the whole run, closed when the run ends. Where they are
 * missing, the browser tests are skipped with a line that names them and the command that enables
 * them; with {@code ROSTER_BROWSER_TESTS=required} (set by {@code .ci/run}) a missing browser fails
 * them instead.
 */
final class Browser implements ExecutionCondition {

  static final Path CHROMIUM = Path.of(System.getProperty("roster.chromium", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getProperty("roster.chromedriver", "/usr/bin/chromedriver"));
  static final String ENABLE = "sudo apt-get install chromium chromium-driver";

  private static ChromeDriver driver;
  private static Path downloads;
  private static boolean told;

  static boolean present() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
  }

  static boolean required() {
    return "required".equals(System.getenv("ROSTER_BROWSER_TESTS"));
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (present()) {
      return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
    }
    String why =
        "Browser tests skipped ("
            + context.getDisplayName()
            + "): no Chromium at "
            + CHROMIUM
            + " or no chromedriver at "
            + DRIVER
            + ". Enable them with: "
            + ENABLE;
    if (required()) {
      // ROSTER_BROWSER_TESTS=required: CI never skips them
      return ConditionEvaluationResult.enabled(why);
    }
    synchronized (Browser.class) {
      if (!told) {
        told = true;
        System.err.println("[WARNING] " + why);
      }
    }
    return ConditionEvaluationResult.disabled(why);
  }

  /** The run's browser, started on first use. */
  static synchronized ChromeDriver driver() {
    if (!present()) {
      fail("ROSTER_BROWSER_TESTS=required, but Chromium or chromedriver is missing: " + ENABLE);
    }
    if (driver == null) {
      try {
        downloads = Files.createTempDirectory("roster-downloads");
        Path profile = Files.createTempDirectory("roster-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1280,1000",
            "--user-data-dir=" + profile);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service =
            new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      driver.quit();
                      delete(profile);
                      delete(downloads);
                    }));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return driver;
  }

  /** Where the browser saves downloads. */
  static Path downloads() {
    driver();
    return downloads;
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder
    }
  }
}
