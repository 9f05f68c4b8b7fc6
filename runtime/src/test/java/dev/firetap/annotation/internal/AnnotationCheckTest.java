package dev.firetap.annotation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firetap.annotations.CaptureChange;
import dev.firetap.annotations.ChangeOperation;
import dev.firetap.annotations.Logged;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnotationCheckTest {
  private static final MethodDescription SAVE =
      new MethodDescription("Orders.save(Order)", List.of("order"), true);

  static class Orders {
    @Logged(userId = "#order.customer")
    @CaptureChange(
        collection = "orders",
        operation = ChangeOperation.UPDATE,
        documentId = "#order.id",
        after = "#result")
    public Object save(Object order) {
      return order;
    }

    @Logged(userId = "#customer.id")
    public void bill(Object order) {}

    @CaptureChange(collection = "orders", operation = ChangeOperation.DELETE, documentId = "#p0")
    public void drop(String id) {}

    @CaptureChange(collection = "", operation = ChangeOperation.DELETE, documentId = "#p0")
    public void nowhere(String id) {}
  }

  @Test
  void validAnnotationsHaveNoProblem() {
    Method save = method("save");

    assertThat(
            AnnotationCheck.problem(
                save.getAnnotation(Logged.class), save.getAnnotation(CaptureChange.class), SAVE))
        .isEmpty();
  }

  @Test
  void anExpressionNamingNoParameterIsAProblemNamingMethodAttributeAndExpression() {
    MethodDescription bill = new MethodDescription("Orders.bill(Object)", List.of("order"), false);

    assertThat(AnnotationCheck.problem(method("bill").getAnnotation(Logged.class), null, bill))
        .hasValueSatisfying(
            problem ->
                assertThat(problem)
                    .contains("@Logged on Orders.bill(Object)", "userId", "'#customer.id'"));
  }

  @Test
  void anInvalidCollectionIsAProblem() {
    MethodDescription nowhere =
        new MethodDescription("Orders.nowhere(String)", List.of("id"), false);

    assertThat(
            AnnotationCheck.problem(
                null, method("nowhere").getAnnotation(CaptureChange.class), nowhere))
        .hasValueSatisfying(problem -> assertThat(problem).contains("collection ''"));
  }

  @Test
  void aPositionalExpressionOnAMethodWithoutNamesHasNoProblem() {
    MethodDescription drop = new MethodDescription("Orders.drop(String)", List.of("arg0"), false);

    assertThat(
            AnnotationCheck.problem(null, method("drop").getAnnotation(CaptureChange.class), drop))
        .isEmpty();
  }

  private static Method method(String name) {
    for (Method method : Orders.class.getDeclaredMethods()) {
      if (method.getName().equals(name)) {
        return method;
      }
    }
    throw new AssertionError("no method " + name);
  }
}
