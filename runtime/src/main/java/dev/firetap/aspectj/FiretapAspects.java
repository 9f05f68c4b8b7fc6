package dev.firetap.aspectj;

import dev.firetap.annotation.internal.AnnotatedCall;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;

/**
 * Gives {@code @Logged} and {@code @CaptureChange} their effect in AspectJ mode: woven into the
 * application at build time (aspect library {@code firetap-runtime}) or at load time ({@code
 * -javaagent:aspectjweaver.jar}, with this jar's {@code META-INF/aop.xml}). The advice only hands
 * the call to {@link AnnotatedCall}, which reports it and never throws; what the method returns or
 * throws reaches the caller unchanged.
 */
@Aspect
public class FiretapAspects {

  /** Created by AspectJ. */
  public FiretapAspects() {}

  /**
   * Reports one call of a method annotated {@code @Logged} or {@code @CaptureChange}, or of a
   * public method of a type annotated {@code @Logged}.
   *
   * @return what the method returned
   * @throws Throwable what the method threw, unchanged
   */
  @Around(
      "execution(@dev.firetap.annotations.Logged * *(..))"
          + " || execution(public * (@dev.firetap.annotations.Logged *).*(..))"
          + " || execution(@dev.firetap.annotations.CaptureChange * *(..))")
  public Object report(ProceedingJoinPoint joinPoint) throws Throwable {
    AnnotatedCall call = enter(joinPoint);
    Object result;
    try {
      result = joinPoint.proceed();
    } catch (Throwable thrown) {
      if (call != null) {
        call.exit(null, thrown, System.nanoTime());
      }
      throw thrown;
    }
    if (call != null) {
      call.exit(result, null, System.nanoTime());
    }
    return result;
  }

  private static AnnotatedCall enter(ProceedingJoinPoint joinPoint) {
    try {
      return AnnotatedCall.enter(
          AspectMethods.of(joinPoint.getStaticPart()), joinPoint.getArgs(), System.nanoTime());
    } catch (Throwable e) {
      // AnnotatedCall.enter never throws; this guards the look-up of the method.
      return null;
    }
  }
}
