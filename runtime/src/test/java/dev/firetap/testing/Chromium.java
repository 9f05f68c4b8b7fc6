package dev.firetap.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headless Chromium driven by Selenium through the system's chromedriver, for browser tests: a
 * fresh profile per instance, and both binaries named explicitly, so Selenium Manager never tries
 * to download a browser or a driver. {@code CHROMIUM} and {@code CHROMEDRIVER} override where they
 * are looked for.
 */
public final class Chromium implements AutoCloseable {
  /** Environment variable holding the path of the Chromium binary. */
  public static final String BROWSER_VARIABLE = "CHROMIUM";

  /** Environment variable holding the path of chromedriver. */
  public static final String DRIVER_VARIABLE = "CHROMEDRIVER";

  /** System property naming a folder, relative to the project root, that gets screenshot copies. */
  public static final String SCREENSHOTS_PROPERTY = "firetap.screenshots";

  private static final Logger log = LoggerFactory.getLogger(Chromium.class);
  private static final List<String> BROWSER_NAMES = List.of("chromium", "chromium-browser");
  private static final List<String> DRIVER_NAMES = List.of("chromedriver");
  private static final Path DEBIAN_DRIVER = Path.of("/usr/lib/chromium/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final WebDriver driver;
  private final Path profile;

  private Chromium(WebDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Starts a headless browser with a fresh profile and a 1280x900 window.
   *
   * @throws IllegalStateException when Chromium or chromedriver is missing and {@code CI} is true
   * @throws org.opentest4j.TestAbortedException when either is missing outside CI
   */
  public static Chromium start() {
    Map<String, String> environment = System.getenv();
    Path browser = find(environment, BROWSER_VARIABLE, BROWSER_NAMES, Optional.empty());
    Path chromedriver =
        find(environment, DRIVER_VARIABLE, DRIVER_NAMES, Optional.of(DEBIAN_DRIVER));
    Path profile = ScratchDirectory.create("firetap-chromium-");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options(browser, profile));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    log.info("Chromium {} started with {}", browser, chromedriver);
    return new Chromium(driver, profile);
  }

  private static ChromeOptions options(Path browser, Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(browser.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    return options;
  }

  /**
   * The binary named by {@code variable}, else the first of {@code names} on PATH, else {@code
   * extra}; a missing one fails or skips the test as {@link MissingServer} decides.
   */
  static Path find(
      Map<String, String> environment, String variable, List<String> names, Optional<Path> extra) {
    String configured = environment.get(variable);
    if (configured != null && !configured.isBlank()) {
      return checkConfigured(variable, Path.of(configured));
    }
    Stream<Path> onPath =
        Stream.of(environment.getOrDefault("PATH", "").split(File.pathSeparator))
            .filter(directory -> !directory.isBlank())
            .flatMap(directory -> names.stream().map(name -> Path.of(directory, name)));
    return Stream.concat(onPath, extra.stream())
        .filter(Files::isExecutable)
        .findFirst()
        .orElseThrow(() -> MissingServer.report(names.get(0), installInstructions(), environment));
  }

  private static Path checkConfigured(String variable, Path binary) {
    if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
      throw new IllegalStateException(
          "%s must name an executable file, got '%s'".formatted(variable, binary));
    }
    return binary;
  }

  /** How to install the browser and its driver. */
  public static String installInstructions() {
    return String.join(
        "\n",
        "Install Chromium and its chromedriver:",
        "  Debian/Ubuntu: apt-get install -y chromium chromium-driver",
        "  (./firetap test does this when run as root)",
        "  or set " + BROWSER_VARIABLE + " and " + DRIVER_VARIABLE + " to their paths");
  }

  /** The driver, to open pages and find elements. */
  public WebDriver driver() {
    return driver;
  }

  /**
   * Saves what the window shows as {@code target/screenshots/<name>.png} and, when the system
   * property {@value #SCREENSHOTS_PROPERTY} names a folder, copies it there too.
   *
   * @return the file in target
   */
  public Path screenshot(String name) {
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    try {
      Path file = Files.createDirectories(SCREENSHOTS).resolve(name + ".png");
      Files.write(file, png);
      String copies = System.getProperty(SCREENSHOTS_PROPERTY, "");
      if (!copies.isBlank()) {
        Path folder = Files.createDirectories(ProjectRoot.locate().resolve(copies));
        Files.copy(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the screenshot " + name, e);
    }
  }

  /**
   * The errors the pages reported since the last call: script errors, failed loads and content
   * security policy violations.
   */
  public List<String> pageErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /** Quits the browser and deletes its profile. */
  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      ScratchDirectory.delete(profile);
    }
  }
}
