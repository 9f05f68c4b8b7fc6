package dev.firetap.annotation.internal;

import com.google.api.core.ApiFuture;
import dev.firetap.internal.ClientLibraries;
import java.lang.reflect.Modifier;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;

/**
 * Waits, without blocking, for the futures annotated methods return: {@link CompletionStage} (so
 * {@code CompletableFuture}) and Google's {@link ApiFuture}. The future handed to the caller is
 * never replaced or completed here.
 */
final class Completion {
  private Completion() {}

  /**
   * Whether a method declared to return {@code type} can return a future: a future type, or a type
   * that a future class could extend or implement. Such a method's results are checked with {@link
   * #isFuture}, which costs a search of the result's interfaces when it is not one.
   */
  static boolean mayBeFuture(Class<?> type) {
    if (type.isPrimitive()) {
      return false;
    }
    boolean extensible = type.isInterface() || !Modifier.isFinal(type.getModifiers());
    return extensible
        || CompletionStage.class.isAssignableFrom(type)
        || (ClientLibraries.API_FUTURE && ApiFuture.class.isAssignableFrom(type));
  }

  /** Whether {@code value} is a future whose completion ends the call. */
  static boolean isFuture(Object value) {
    return value instanceof CompletionStage<?>
        || (ClientLibraries.API_FUTURE && value instanceof ApiFuture<?>);
  }

  /**
   * Runs {@code action} with the value or the failure once {@code future} completes, on the thread
   * that completes it (at once when it is complete already).
   */
  static void whenDone(Object future, BiConsumer<Object, Throwable> action) {
    if (future instanceof CompletionStage<?> stage) {
      // whenComplete returns a new stage, which is dropped: the caller's stage is left as it is.
      stage.whenComplete((value, failure) -> action.accept(value, unwrap(failure)));
      return;
    }
    ApiFuture<?> apiFuture = (ApiFuture<?>) future;
    apiFuture.addListener(() -> outcome(apiFuture, action), Runnable::run);
  }

  private static void outcome(ApiFuture<?> future, BiConsumer<Object, Throwable> action) {
    Object value;
    try {
      value = future.get();
    } catch (ExecutionException e) {
      action.accept(null, e.getCause() != null ? e.getCause() : e);
      return;
    } catch (CancellationException e) {
      action.accept(null, e);
      return;
    } catch (InterruptedException e) {
      // Not reached: the listener runs after completion. Keep the flag for the thread's owner.
      Thread.currentThread().interrupt();
      return;
    }
    action.accept(value, null);
  }

  private static Throwable unwrap(Throwable failure) {
    boolean wrapped =
        failure instanceof CompletionException || failure instanceof ExecutionException;
    return wrapped && failure.getCause() != null ? failure.getCause() : failure;
  }
}
