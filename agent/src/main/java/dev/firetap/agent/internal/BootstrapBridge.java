package dev.firetap.agent.internal;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.loading.ClassInjector;

/**
 * Puts the bridges of {@code dev.firetap.agent.bootstrap} on the bootstrap class path.
 *
 * <p>Advice is inlined into {@code FirestoreImpl} and into annotated application methods, so its
 * references resolve from whichever class loader loaded that class, and only classes of the
 * bootstrap class loader are visible from all of them. The bridge's bytes are read from the agent
 * jar as resources, without loading the class, and written to a small jar that is appended to the
 * bootstrap search path; no class of the agent may touch the bridge before this ran, or the system
 * class loader would define a second copy that the advice never sees.
 */
final class BootstrapBridge {
  static final String BRIDGE = "dev.firetap.agent.bootstrap.CommitBridge";
  static final String ANNOTATION_BRIDGE = "dev.firetap.agent.bootstrap.AnnotationBridge";
  private static final String[] CLASSES = {
    BRIDGE, BRIDGE + "$Listener", ANNOTATION_BRIDGE, ANNOTATION_BRIDGE + "$Handler"
  };

  private BootstrapBridge() {}

  /** Injects the bridge classes into the bootstrap class loader. */
  static void inject(Instrumentation instrumentation) throws IOException {
    ClassFileLocator agentJar =
        ClassFileLocator.ForClassLoader.of(BootstrapBridge.class.getClassLoader());
    Map<String, byte[]> classes = new LinkedHashMap<>();
    for (String name : CLASSES) {
      classes.put(name, agentJar.locate(name).resolve());
    }
    Path folder = Files.createTempDirectory("firetap-agent-bootstrap");
    folder.toFile().deleteOnExit();
    ClassInjector.UsingInstrumentation.of(
            folder.toFile(), ClassInjector.UsingInstrumentation.Target.BOOTSTRAP, instrumentation)
        .injectRaw(classes);
  }
}
