package dev.firetap.agent.internal;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transformer {@code premain} registers at once, so that {@code main} need not wait while the
 * agent's real transformers are built on a thread of their own. Until they are {@link #ready}, a
 * class that may need instrumenting (the Firestore client's funnel, or a class whose bytes mention
 * Firetap's annotations) waits for them as it loads; every other class loads untouched. Afterwards
 * every class goes through them, in order.
 */
final class DeferredTransformer implements ClassFileTransformer {
  private static final String FIRESTORE_IMPL =
      FirestoreInstrumentation.FIRESTORE_IMPL.replace('.', '/');
  private static final byte[] ANNOTATIONS =
      "Ldev/firetap/annotations/".getBytes(StandardCharsets.UTF_8);

  private final CountDownLatch built = new CountDownLatch(1);
  private final long waitMillis;
  private volatile List<ClassFileTransformer> transformers;

  /**
   * @param waitMillis how long a class that may need instrumenting waits for the transformers; when
   *     they take longer it loads uninstrumented, with a WARN
   */
  DeferredTransformer(long waitMillis) {
    this.waitMillis = waitMillis;
  }

  /** Hands over the real transformers; classes loading from now on go through them. */
  void ready(List<ClassFileTransformer> transformers) {
    this.transformers = List.copyOf(transformers);
    built.countDown();
  }

  /** Lets waiting classes load uninstrumented: building the transformers failed. */
  void failed() {
    built.countDown();
  }

  @Override
  public byte[] transform(
      Module module,
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classfileBuffer)
      throws IllegalClassFormatException {
    List<ClassFileTransformer> current = transformers;
    if (current == null) {
      if (loader == null || !mayNeedInstrumenting(className, classfileBuffer)) {
        return null;
      }
      current = awaitTransformers(className);
      if (current == null) {
        return null;
      }
    }
    byte[] bytes = classfileBuffer;
    boolean changed = false;
    for (ClassFileTransformer transformer : current) {
      byte[] result =
          transformer.transform(
              module, loader, className, classBeingRedefined, protectionDomain, bytes);
      if (result != null) {
        bytes = result;
        changed = true;
      }
    }
    return changed ? bytes : null;
  }

  private List<ClassFileTransformer> awaitTransformers(String className) {
    try {
      if (!built.await(waitMillis, TimeUnit.MILLISECONDS)) {
        // The logger only now: setting up logging would lengthen the JVM's start.
        Logger log = LoggerFactory.getLogger(DeferredTransformer.class);
        log.warn(
            "{} loaded before the agent was ready ({} ms); it is not instrumented",
            className,
            waitMillis);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return transformers;
  }

  /** The Firestore funnel, or a class whose constant pool names one of Firetap's annotations. */
  static boolean mayNeedInstrumenting(String className, byte[] classFile) {
    return FIRESTORE_IMPL.equals(className) || contains(classFile, ANNOTATIONS);
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    byte first = needle[0];
    int last = haystack.length - needle.length;
    for (int i = 0; i <= last; i++) {
      if (haystack[i] != first) {
        continue;
      }
      int j = 1;
      while (j < needle.length && haystack[i + j] == needle[j]) {
        j++;
      }
      if (j == needle.length) {
        return true;
      }
    }
    return false;
  }
}
