package dev.firetap.agent.internal;

import dev.firetap.annotation.internal.AnnotationCheck;
import dev.firetap.annotations.CaptureChange;
import dev.firetap.annotations.Logged;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.annotation.AnnotationList;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import org.slf4j.Logger;

/**
 * Picks the methods of a class that the agent instruments, from the class file before the class is
 * loaded: those {@code @Logged} or {@code @CaptureChange} applies to and whose expressions are
 * valid. A method with an invalid expression is left alone and named in one WARN.
 */
final class AnnotatedMethods {
  private AnnotatedMethods() {}

  /** The methods of {@code type} to instrument; each invalid one is reported to {@code log}. */
  static List<MethodDescription.InDefinedShape> valid(TypeDescription type, Logger log) {
    Logged typeLogged = annotation(type.getDeclaredAnnotations(), Logged.class);
    List<MethodDescription.InDefinedShape> valid = new ArrayList<>();
    for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
      if (!method.isMethod() || method.isAbstract() || method.isNative() || method.isSynthetic()) {
        continue;
      }
      Logged logged = annotation(method.getDeclaredAnnotations(), Logged.class);
      if (logged == null && method.isPublic()) {
        logged = typeLogged;
      }
      CaptureChange capture = annotation(method.getDeclaredAnnotations(), CaptureChange.class);
      if (logged == null && capture == null) {
        continue;
      }
      Optional<String> problem = AnnotationCheck.problem(logged, capture, describe(method));
      if (problem.isPresent()) {
        log.warn("{}; the method is not instrumented and reports nothing", problem.get());
      } else {
        valid.add(method);
      }
    }
    return valid;
  }

  /** What the expressions of {@code method} may refer to, as reflection would describe it. */
  static dev.firetap.annotation.internal.MethodDescription describe(MethodDescription method) {
    List<String> types = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (ParameterDescription parameter : method.getParameters()) {
      types.add(parameter.getType().asErasure().getSimpleName());
      names.add(parameter.getName());
    }
    String display =
        method.getDeclaringType().asErasure().getSimpleName()
            + "."
            + method.getName()
            + "("
            + String.join(", ", types)
            + ")";
    return new dev.firetap.annotation.internal.MethodDescription(
        display, names, returnsValue(method.getReturnType()));
  }

  private static boolean returnsValue(TypeDescription.Generic returned) {
    TypeDescription type = returned.asErasure();
    if (type.represents(void.class) || type.represents(Void.class)) {
      return false;
    }
    boolean future =
        type.isAssignableTo(CompletionStage.class)
            || type.getName().equals("com.google.api.core.ApiFuture");
    boolean ofVoid =
        returned.getSort() == TypeDefinition.Sort.PARAMETERIZED
            && returned.getTypeArguments().size() == 1
            && returned.getTypeArguments().get(0).asErasure().represents(Void.class);
    return !future || !ofVoid;
  }

  private static <T extends java.lang.annotation.Annotation> T annotation(
      AnnotationList annotations, Class<T> type) {
    AnnotationDescription.Loadable<T> found = annotations.ofType(type);
    return found == null ? null : found.load();
  }
}
