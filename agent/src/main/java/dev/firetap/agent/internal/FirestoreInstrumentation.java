package dev.firetap.agent.internal;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.firetap.agent.bootstrap.CommitBridge;
import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Instruments {@code com.google.cloud.firestore.FirestoreImpl#sendRequest(Object, UnaryCallable)},
 * the funnel every Commit and BatchWrite request of the client goes through, once per logical call
 * and after gax's own retries.
 */
final class FirestoreInstrumentation {
  static final String FIRESTORE_IMPL = "com.google.cloud.firestore.FirestoreImpl";

  private FirestoreInstrumentation() {}

  /** The instrumentation, to install on the JVM or to make into a transformer. */
  static AgentBuilder builder() {
    return new AgentBuilder.Default()
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .with(new FailureWarning(FIRESTORE_IMPL::equals, "Firestore writes are not captured"))
        .ignore(
            nameStartsWith("java.")
                .or(nameStartsWith("javax."))
                .or(nameStartsWith("jdk."))
                .or(nameStartsWith("sun."))
                .or(nameStartsWith("com.sun."))
                .or(nameStartsWith("dev.firetap.")))
        .type(FirestoreInstrumentation::isSupportedClient)
        .transform(FirestoreInstrumentation::adviseSendRequest);
  }

  /**
   * FirestoreImpl, in a class loader whose client the agent supports. The class loader is checked
   * only for the loader that defines FirestoreImpl, not for every loader that could see one.
   */
  private static boolean isSupportedClient(
      TypeDescription type,
      ClassLoader loader,
      JavaModule module,
      Class<?> classBeingRedefined,
      ProtectionDomain domain) {
    return type.getName().equals(FIRESTORE_IMPL) && FirestoreClient.isSupported(loader);
  }

  private static DynamicType.Builder<?> adviseSendRequest(
      DynamicType.Builder<?> builder,
      TypeDescription type,
      ClassLoader loader,
      JavaModule module,
      ProtectionDomain domain) {
    return builder.visit(Advice.to(SendRequestAdvice.class).on(sendRequest()));
  }

  static ElementMatcher.Junction<MethodDescription> sendRequest() {
    return named("sendRequest")
        .and(takesArguments(2))
        .and(takesArgument(0, Object.class))
        .and(takesArgument(1, named("com.google.api.gax.rpc.UnaryCallable")))
        .and(returns(named("com.google.api.core.ApiFuture")));
  }

  /** Inlined at the end of {@code sendRequest}: hands the request and its future to the bridge. */
  static final class SendRequestAdvice {
    private SendRequestAdvice() {}

    // Runs only when sendRequest returned normally; the result is read, never replaced.
    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(
        @Advice.This Object firestore,
        @Advice.Argument(0) Object request,
        @Advice.Return Object response) {
      CommitBridge.requestSent(firestore, request, response);
    }
  }
}
