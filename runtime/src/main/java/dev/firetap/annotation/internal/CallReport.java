package dev.firetap.annotation.internal;

import dev.firetap.Firetap;
import dev.firetap.cdc.Change;
import dev.firetap.config.FiretapConfig;
import dev.firetap.event.Level;
import dev.firetap.event.LogEvent;
import dev.firetap.event.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds and emits the events of one finished call: the log event of {@code @Logged} and the change
 * event of {@code @CaptureChange}. Every failure is reported through {@link MethodPlan#warnOnce}
 * and never reaches the application.
 */
final class CallReport implements Consumer<LogEvent.Builder> {
  /** OpenTelemetry's MDC key for the trace id (logback and log4j instrumentation). */
  private static final String OPEN_TELEMETRY_TRACE_ID = "trace_id";

  /** Our MDC key for the trace id, read when OpenTelemetry's is not set. */
  private static final String TRACE_ID = "traceId";

  private static volatile BoundRedactor bound;

  private final MethodPlan plan;
  private final Object[] arguments;
  private final long startNanos;
  private final String mdcUserId;
  private final String traceId;
  // What the log event needs of the finished call: set by log() before the report is handed to
  // the emitter, whose queue publishes them to the thread that builds the event.
  private long durationMs;
  private String loggedUserId;
  private Map<String, Object> data;
  private Throwable thrown;

  private CallReport(
      MethodPlan plan, Object[] arguments, long startNanos, String mdcUserId, String traceId) {
    this.plan = plan;
    this.arguments = arguments;
    this.startNanos = startNanos;
    this.mdcUserId = mdcUserId;
    this.traceId = traceId;
  }

  /**
   * A report of a call, with the user id and trace id of {@code mdc} on the current thread; {@code
   * config} names the user id's MDC key. Only the keys the plan uses are read: the user id's when a
   * part has no {@code userId} expression, the trace id's when the call is logged.
   */
  static CallReport onThisThread(
      FiretapConfig config, MethodPlan plan, Object[] arguments, long startNanos, MdcReader mdc) {
    String userId = plan.readsMdcUserId() ? mdc.get(config.mdcUserId()) : null;
    String traceId = null;
    if (plan.logged() != null) {
      traceId = mdc.get(OPEN_TELEMETRY_TRACE_ID);
      if (traceId == null) {
        traceId = mdc.get(TRACE_ID);
      }
    }
    return new CallReport(plan, arguments, startNanos, userId, traceId);
  }

  /**
   * Emits, through {@code firetap}, the events of the call that returned {@code result} or threw
   * {@code thrown}.
   */
  void finish(Firetap firetap, Object result, Throwable thrown, long endNanos) {
    Redactor redactor = redactor(firetap);
    if (plan.logged() != null) {
      try {
        log(firetap, result, thrown, endNanos, redactor);
      } catch (Throwable e) {
        plan.warnOnce("@Logged event not emitted: " + e, e);
      }
    }
    if (plan.change() != null && thrown == null) {
      try {
        capture(firetap, result, redactor);
      } catch (Throwable e) {
        plan.warnOnce("@CaptureChange event not emitted: " + e, e);
      }
    }
  }

  /**
   * Hands the log event over to be built on the emitter's thread, by {@link #accept}; what it needs
   * of the call is read here first: arguments and result are redacted copies, so later changes to
   * them do not show. The report itself is handed over, so the call allocates no closure for it.
   */
  private void log(
      Firetap firetap, Object result, Throwable thrown, long endNanos, Redactor redactor) {
    MethodPlan.LoggedPlan logged = plan.logged();
    Level level = thrown != null ? Level.ERROR : logged.level();
    this.durationMs = Math.max(0, (endNanos - startNanos) / 1_000_000);
    this.loggedUserId = userId(logged.userId(), result);
    this.data = data(logged, result, thrown, redactor);
    this.thrown = thrown;
    firetap.logs().logLater(level, logged.event(), endNanos, this);
  }

  /** Fills in the log event of the call, on the thread that builds it. */
  @Override
  public void accept(LogEvent.Builder event) {
    event.source(plan.source()).durationMs(durationMs).userId(loggedUserId).traceId(traceId);
    if (data != null) {
      event.data(data);
    }
    if (thrown != null) {
      event.error(thrown);
    }
  }

  /** The arguments and the result, as the annotation asks; null when it asks for neither. */
  private Map<String, Object> data(
      MethodPlan.LoggedPlan logged, Object result, Throwable thrown, Redactor redactor) {
    boolean withResult = logged.includeResult() && thrown == null;
    if (!logged.includeArguments() && !withResult) {
      return null;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    if (logged.includeArguments()) {
      data.put("arguments", arguments(redactor));
    }
    if (withResult) {
      data.put("result", redactor.redact(result));
    }
    return data;
  }

  private void capture(Firetap firetap, Object result, Redactor redactor) {
    MethodPlan.ChangePlan change = plan.change();
    Object documentId = change.documentId().evaluate(arguments, result);
    if (documentId == null) {
      plan.warnOnce(
          "@CaptureChange documentId '" + change.documentId() + "' gave null; no change event",
          null);
      return;
    }
    Change event =
        Change.of(change.op(), change.collection() + "/" + documentId)
            .before(side(change.before(), change.op() != Operation.CREATE, result, redactor))
            .after(side(change.after(), change.op() != Operation.DELETE, result, redactor))
            .userId(userId(change.userId(), result));
    firetap.changes().capture(event);
  }

  /** The fields of one side of a change; an empty map when the side exists but is unknown. */
  private Map<String, ?> side(Expression expression, boolean exists, Object result, Redactor r) {
    if (!exists) {
      return null;
    }
    Object value = expression == null ? null : r.redact(expression.evaluate(arguments, result));
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> fields = new LinkedHashMap<>();
      map.forEach((key, field) -> fields.put(String.valueOf(key), field));
      return fields;
    }
    throw new IllegalStateException(
        "'"
            + expression
            + "' gave a "
            + value.getClass().getSimpleName()
            + "; expected a map, a record or a bean");
  }

  private Map<String, Object> arguments(Redactor redactor) {
    List<String> names = plan.description().parameterNames();
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < arguments.length; i++) {
      String name = names.get(i);
      boolean masked = plan.isSensitiveParameter(i) || redactor.masks(name);
      values.put(name, masked ? Redactor.MASK : redactor.redact(arguments[i]));
    }
    return values;
  }

  private String userId(Expression expression, Object result) {
    if (expression == null) {
      return mdcUserId;
    }
    Object value = expression.evaluate(arguments, result);
    return value == null ? null : String.valueOf(value);
  }

  private static Redactor redactor(Firetap firetap) {
    BoundRedactor current = bound;
    if (current == null || current.firetap() != firetap) {
      current = new BoundRedactor(firetap, new Redactor(firetap.config().redactFields()));
      bound = current;
    }
    return current.redactor();
  }

  /** The redactor made from the settings of one Firetap instance. */
  private record BoundRedactor(Firetap firetap, Redactor redactor) {}
}
