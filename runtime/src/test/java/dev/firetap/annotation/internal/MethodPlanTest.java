package dev.firetap.annotation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firetap.annotations.CaptureChange;
import dev.firetap.annotations.ChangeOperation;
import dev.firetap.annotations.LogLevel;
import dev.firetap.annotations.Logged;
import dev.firetap.event.Level;
import dev.firetap.event.Operation;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class MethodPlanTest {

  @Logged
  static class Catalog {
    public String find(String sku) {
      return sku;
    }

    @Logged(event = "catalog.priced", level = LogLevel.DEBUG, includeResult = true)
    public long price(String sku) {
      return 1;
    }

    void restock(String sku) {}

    @CaptureChange(
        collection = "items",
        operation = ChangeOperation.CREATE,
        documentId = "#sku",
        before = "#sku")
    public void create(String sku) {}

    @CaptureChange(collection = "items/x", operation = ChangeOperation.DELETE, documentId = "#sku")
    public void remove(String sku) {}

    @CaptureChange(
        collection = "items",
        operation = ChangeOperation.UPDATE,
        documentId = "#sku",
        after = "#result")
    public String rename(String sku) {
      return sku;
    }

    public Object lookup(String sku) {
      return sku;
    }

    public CompletionStage<String> fetch(String sku) {
      return CompletableFuture.completedFuture(sku);
    }

    @Logged(userId = "#sku")
    public void assign(String sku) {}
  }

  @Test
  void aLoggedTypeLogsItsPublicMethodsUnderTheDefaultName() {
    MethodPlan plan = MethodPlan.of(Catalog.class, method("find"));

    assertThat(plan.logged().event()).isEqualTo("Catalog.find");
    assertThat(plan.logged().level()).isEqualTo(Level.INFO);
    assertThat(plan.logged().includeArguments()).isFalse();
  }

  @Test
  void theMethodsOwnAnnotationReplacesTheTypes() {
    MethodPlan plan = MethodPlan.of(Catalog.class, method("price"));

    assertThat(plan.logged().event()).isEqualTo("catalog.priced");
    assertThat(plan.logged().level()).isEqualTo(Level.DEBUG);
    assertThat(plan.logged().includeResult()).isTrue();
  }

  @Test
  void aLoggedTypeLeavesItsNonPublicMethodsAlone() {
    MethodPlan plan = MethodPlan.of(Catalog.class, method("restock"));

    assertThat(plan.isEmpty()).isTrue();
  }

  @Test
  void aBeforeOnACreateDisablesTheCapture() {
    MethodPlan plan = MethodPlan.of(Catalog.class, method("create"));

    assertThat(plan.change()).isNull();
    assertThat(plan.logged()).isNotNull();
  }

  @Test
  void aCollectionWithASlashDisablesTheCapture() {
    MethodPlan plan = MethodPlan.of(Catalog.class, method("remove"));

    assertThat(plan.change()).isNull();
  }

  @Test
  void aValidCaptureIsParsedOnce() {
    MethodPlan first = MethodPlan.of(Catalog.class, method("rename"));
    MethodPlan second = MethodPlan.of(Catalog.class, method("rename"));

    assertThat(second).isSameAs(first);
    assertThat(first.change().op()).isEqualTo(Operation.UPDATE);
    assertThat(first.change().after().usesResult()).isTrue();
    assertThat(first.change().before()).isNull();
  }

  @Test
  void aResultIsCheckedForAFutureOnlyWhereTheReturnTypeAdmitsOne() {
    assertThat(MethodPlan.of(Catalog.class, method("price")).mayReturnFuture()).isFalse();
    assertThat(MethodPlan.of(Catalog.class, method("find")).mayReturnFuture()).isFalse();
    assertThat(MethodPlan.of(Catalog.class, method("lookup")).mayReturnFuture()).isTrue();
    assertThat(MethodPlan.of(Catalog.class, method("fetch")).mayReturnFuture()).isTrue();
  }

  @Test
  void theMdcUserIdIsReadOnlyByAPartWithoutAUserIdExpression() {
    assertThat(MethodPlan.of(Catalog.class, method("find")).readsMdcUserId()).isTrue();
    assertThat(MethodPlan.of(Catalog.class, method("assign")).readsMdcUserId()).isFalse();
  }

  private static Method method(String name) {
    for (Method method : Catalog.class.getDeclaredMethods()) {
      if (method.getName().equals(name)) {
        return method;
      }
    }
    throw new AssertionError("Catalog has no method " + name);
  }
}
