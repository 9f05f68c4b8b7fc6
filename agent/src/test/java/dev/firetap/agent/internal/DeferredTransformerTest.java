package dev.firetap.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firetap.annotations.Logged;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DeferredTransformerTest {
  private static final byte[] CHANGED = {1, 2, 3};
  private static final ClassLoader LOADER = DeferredTransformerTest.class.getClassLoader();

  static class Annotated {
    @Logged
    void call() {}
  }

  static class Plain {
    void call() {}
  }

  @Test
  void recognisesTheFirestoreFunnelAndClassesThatUseFiretapAnnotations() throws IOException {
    assertThat(
            DeferredTransformer.mayNeedInstrumenting(
                internalName(Annotated.class), bytes(Annotated.class)))
        .isTrue();
    assertThat(
            DeferredTransformer.mayNeedInstrumenting(internalName(Plain.class), bytes(Plain.class)))
        .isFalse();
    assertThat(
            DeferredTransformer.mayNeedInstrumenting(
                "com/google/cloud/firestore/FirestoreImpl", bytes(Plain.class)))
        .isTrue();
  }

  @Test
  void letsOtherClassesLoadUntouchedWithoutWaiting() throws Exception {
    DeferredTransformer deferred = new DeferredTransformer(60_000);

    assertThat(transform(deferred, Plain.class)).isNull();
  }

  @Test
  void holdsBackAnAnnotatedClassUntilTheTransformersAreReadyThenAppliesThem() throws Exception {
    DeferredTransformer deferred = new DeferredTransformer(60_000);
    CompletableFuture<byte[]> loading =
        CompletableFuture.supplyAsync(() -> transformUnchecked(deferred, Annotated.class));

    await().during(java.time.Duration.ofMillis(200)).until(() -> !loading.isDone());
    deferred.ready(List.of(changing()));

    assertThat(loading.get()).isEqualTo(CHANGED);
    assertThat(transform(deferred, Plain.class)).isEqualTo(CHANGED);
  }

  @Test
  void letsAHeldBackClassLoadUntouchedWhenBuildingFailed() throws Exception {
    DeferredTransformer deferred = new DeferredTransformer(60_000);
    CompletableFuture<byte[]> loading =
        CompletableFuture.supplyAsync(() -> transformUnchecked(deferred, Annotated.class));

    deferred.failed();

    assertThat(loading.get()).isNull();
  }

  @Test
  void givesUpWaitingAfterItsLimit() throws Exception {
    DeferredTransformer deferred = new DeferredTransformer(1);

    assertThat(transform(deferred, Annotated.class)).isNull();
  }

  private static ClassFileTransformer changing() {
    return new ClassFileTransformer() {
      @Override
      public byte[] transform(
          Module module,
          ClassLoader loader,
          String name,
          Class<?> redefined,
          ProtectionDomain domain,
          byte[] bytes) {
        return CHANGED;
      }
    };
  }

  private static byte[] transformUnchecked(DeferredTransformer deferred, Class<?> type) {
    try {
      return transform(deferred, type);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] transform(DeferredTransformer deferred, Class<?> type) throws Exception {
    return deferred.transform(
        type.getModule(), LOADER, internalName(type), null, null, bytes(type));
  }

  private static String internalName(Class<?> type) {
    return type.getName().replace('.', '/');
  }

  private static byte[] bytes(Class<?> type) throws IOException {
    try (InputStream in = LOADER.getResourceAsStream(internalName(type) + ".class")) {
      return in.readAllBytes();
    }
  }
}
