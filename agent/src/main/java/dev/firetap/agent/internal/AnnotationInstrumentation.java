package dev.firetap.agent.internal;

import static net.bytebuddy.matcher.ElementMatchers.anyOf;
import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.firetap.agent.bootstrap.AnnotationBridge;
import java.security.ProtectionDomain;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Instruments the methods of application classes that {@code @Logged} or {@code @CaptureChange}
 * applies to, as the AspectJ aspect does: methods annotated with either, and the public methods of
 * a type annotated {@code @Logged}. JDK, Firetap and Byte Buddy classes are never touched.
 */
final class AnnotationInstrumentation {
  private static final Logger log = LoggerFactory.getLogger(AnnotationInstrumentation.class);
  static final String LOGGED = "dev.firetap.annotations.Logged";
  static final String CAPTURE_CHANGE = "dev.firetap.annotations.CaptureChange";

  private AnnotationInstrumentation() {}

  /** The instrumentation, to install on the JVM or to make into a transformer. */
  static AgentBuilder builder(FiretapPackages firetap) {
    return new AgentBuilder.Default()
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .with(
            new FailureWarning(
                type -> true, "its @Logged and @CaptureChange methods report nothing"))
        .ignore(notApplication(firetap), isBootstrapClassLoader())
        .type(annotatedTypes())
        .transform(AnnotationInstrumentation::adviseAnnotatedMethods);
  }

  private static ElementMatcher.Junction<TypeDescription> notApplication(FiretapPackages firetap) {
    return nameStartsWith("java.")
        .or(nameStartsWith("javax."))
        .or(nameStartsWith("jdk."))
        .or(nameStartsWith("sun."))
        .or(nameStartsWith("com.sun."))
        .or(nameStartsWith("net.bytebuddy."))
        .or(isSynthetic())
        .or(type -> firetap.contains(type.getName()));
  }

  /** Types that declare an annotated method, or are annotated {@code @Logged} themselves. */
  static ElementMatcher.Junction<TypeDescription> annotatedTypes() {
    return isAnnotatedWith(named(LOGGED))
        .or(declaresMethod(isAnnotatedWith(named(LOGGED).or(named(CAPTURE_CHANGE)))));
  }

  private static DynamicType.Builder<?> adviseAnnotatedMethods(
      DynamicType.Builder<?> builder,
      TypeDescription type,
      ClassLoader loader,
      JavaModule module,
      ProtectionDomain domain) {
    List<MethodDescription.InDefinedShape> methods = AnnotatedMethods.valid(type, log);
    if (methods.isEmpty()) {
      return builder;
    }
    return builder.visit(Advice.to(CallAdvice.class).on(anyOf(methods)));
  }

  /**
   * Inlined around an annotated method: gathers the call and hands it to the bridge. Whatever
   * happens here is suppressed; the method's result and exception are only read.
   */
  static final class CallAdvice {
    private CallAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(
        @Advice.Origin Class<?> type,
        @Advice.Origin("#m#d") String method,
        @Advice.AllArguments Object[] arguments) {
      return AnnotationBridge.enter(type, method, arguments, System.nanoTime());
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
        @Advice.Enter Object call,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
        @Advice.Thrown Throwable thrown) {
      if (call != null) {
        AnnotationBridge.exit(call, result, thrown, System.nanoTime());
      }
    }
  }
}
