package dev.firetap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceNameTest {
  @TempDir Path directory;

  @Test
  void takesTheSimpleNameOfTheMainClass() {
    assertThat(ServiceName.fromJavaCommand("com.example.OrderService --port 8080"))
        .isEqualTo("OrderService");
  }

  @Test
  void readsTheMainClassOfAJar() throws IOException {
    Path jar = jarWithMainClass("com.example.billing.BillingApp");

    assertThat(ServiceName.fromJavaCommand(jar + " --verbose")).isEqualTo("BillingApp");
  }

  @Test
  void fallsBackToAppForAJarWithoutMainClass() throws IOException {
    Path jar = jarWithMainClass(null);

    assertThat(ServiceName.fromJavaCommand(jar.toString())).isEqualTo("app");
  }

  @Test
  void fallsBackToAppForAMissingJar() {
    assertThat(ServiceName.fromJavaCommand(directory.resolve("gone.jar").toString()))
        .isEqualTo("app");
  }

  @Test
  void fallsBackToAppWithoutCommand() {
    assertThat(ServiceName.fromJavaCommand(null)).isEqualTo("app");
    assertThat(ServiceName.fromJavaCommand("  ")).isEqualTo("app");
  }

  @Test
  void replacesCharactersThatAreNotAllowed() {
    assertThat(ServiceName.fromJavaCommand("com.example.Outer$Main")).isEqualTo("Outer_Main");
  }

  @Test
  void dropsTheModuleOfAModuleLaunch() {
    assertThat(ServiceName.fromJavaCommand("shop.orders/com.example.OrdersMain"))
        .isEqualTo("OrdersMain");
  }

  private Path jarWithMainClass(String mainClass) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (mainClass != null) {
      manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
    }
    Path jar = directory.resolve("service.jar");
    try (OutputStream out = Files.newOutputStream(jar)) {
      new JarOutputStream(out, manifest).close();
    }
    return jar;
  }
}
