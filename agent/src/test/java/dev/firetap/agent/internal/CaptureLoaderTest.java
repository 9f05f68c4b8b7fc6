package dev.firetap.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firetap.Firetap;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class CaptureLoaderTest {
  private static final String COMMIT_CAPTURE = CaptureLoader.CAPTURE_PACKAGE + ".CommitCapture";
  private static final String FIRESTORE = "com.google.cloud.firestore.Firestore";

  private final ClassLoader agent = CaptureLoader.class.getClassLoader();

  @Test
  void definesTheCaptureCodeItselfAndTakesTheClientFromTheClientsLoader() throws Exception {
    ClassLoader client = new URLClassLoader(new URL[0], agent);
    CaptureLoader loader = new CaptureLoader(client);

    Class<?> capture = loader.loadClass(COMMIT_CAPTURE);

    assertThat(capture.getClassLoader()).isSameAs(loader);
    assertThat(loader.loadClass(COMMIT_CAPTURE + "$Completion").getClassLoader()).isSameAs(loader);
    assertThat(loader.loadClass(FIRESTORE)).isSameAs(client.loadClass(FIRESTORE));
    assertThat(loader.loadClass(Firetap.class.getName())).isSameAs(Firetap.class);
    assertThat(loader.loadClass(CaptureExecutor.class.getName())).isSameAs(CaptureExecutor.class);
    assertThat(ClientCapture.class).isAssignableFrom(capture);
  }

  @Test
  void givesEachClientCaptureCodeOfItsOwn() throws Exception {
    Class<?> first = new CaptureLoader(agent).loadClass(COMMIT_CAPTURE);
    Class<?> second = new CaptureLoader(agent).loadClass(COMMIT_CAPTURE);

    assertThat(first).isNotSameAs(second);
    assertThat(first.getName()).isEqualTo(second.getName());
  }

  @Test
  void reportsACaptureClassMissingFromTheAgentJar() {
    CaptureLoader loader = new CaptureLoader(agent);

    assertThatThrownBy(() -> loader.loadClass(CaptureLoader.CAPTURE_PACKAGE + ".Nothing"))
        .isInstanceOf(ClassNotFoundException.class)
        .hasMessageContaining("is missing from the agent jar");
  }
}
