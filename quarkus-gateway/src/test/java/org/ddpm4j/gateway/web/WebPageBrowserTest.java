package org.ddpm4j.gateway.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.ddpm4j.gateway.testing.InProcessSampler;
import org.ddpm4j.gateway.testing.TestModels;
import org.ddpm4j.image.PngWriter;
import org.ddpm4j.image.Uint8Images;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in headless Chromium (Debian's chromium and chromium-driver): models listed, a request made, the
 * progress bar fed by the stream, a preview shown and the final images equal to the in-process sampler's. Skipped
 * only when Chromium is not installed. Leaves a screenshot of the finished page in target/web-page.png.
 */
@QuarkusTest
@QuarkusTestResource(value = TestModels.class, restrictToAnnotatedClass = false)
class WebPageBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  @TestHTTPResource("/")
  URL page;

  private ChromeDriver browser;
  private Path profile;

  @BeforeEach
  void start() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed (apt-get install chromium chromium-driver)");
    assertTrue(Files.isExecutable(DRIVER), "chromium is installed but chromium-driver is not");
    profile = Files.createTempDirectory("ddpm4j-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1200,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString()))
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  @Test
  void pageSamplesWithProgressPreviewAndTheSameImagesAsTheSampler() throws IOException {
    browser.get(page.toString());
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    wait.until(b -> !new Select(b.findElement(By.id("model"))).getOptions().isEmpty());
    assertEquals(TestModels.TINY, new Select(browser.findElement(By.id("model"))).getFirstSelectedOption()
        .getAttribute("value"));

    new Select(browser.findElement(By.id("sampler"))).selectByValue("ddim");
    type("steps", "6");
    type("seed", "11");
    type("count", "2");
    type("preview-every", "2");
    browser.findElement(By.id("generate")).click();

    wait.until(b -> b.findElements(By.cssSelector("#images img")).size() == 2);
    WebElement progress = browser.findElement(By.id("progress"));
    assertEquals("6", progress.getAttribute("max"));
    assertEquals("6", progress.getAttribute("value"));
    assertTrue(browser.findElement(By.id("preview")).isDisplayed(), "a preview was shown");
    assertTrue(browser.findElement(By.id("status")).getText().contains("seed 11"),
        browser.findElement(By.id("status")).getText());

    Files.write(Path.of("target", "web-page.png"), browser.getScreenshotAs(OutputType.BYTES));
    List<WebElement> images = browser.findElements(By.cssSelector("#images img"));
    Uint8Images expected = InProcessSampler.tiny().images("ddim", 6, 0, 11, 2);
    for (int i = 0; i < 2; i++) {
      String src = images.get(i).getAttribute("src");
      assertTrue(src.startsWith("data:image/png;base64,"), src);
      assertArrayEquals(PngWriter.encode(expected, i),
          Base64.getDecoder().decode(src.substring("data:image/png;base64,".length())), "image " + i);
    }
  }

  @Test
  void aRefusedRequestShowsTheProblem() {
    browser.get(page.toString());
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    wait.until(b -> !new Select(b.findElement(By.id("model"))).getOptions().isEmpty());
    type("steps", "1000");
    type("count", "64");
    browser.findElement(By.id("generate")).click();
    wait.until(b -> b.findElement(By.id("status")).getAttribute("class").contains("error"));
    assertTrue(browser.findElement(By.id("status")).getText().contains("n * steps"),
        browser.findElement(By.id("status")).getText());
  }

  private void type(String id, String value) {
    WebElement input = browser.findElement(By.id(id));
    input.clear();
    input.sendKeys(value);
  }
}
