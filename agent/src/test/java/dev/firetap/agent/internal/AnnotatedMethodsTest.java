package dev.firetap.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firetap.annotations.CaptureChange;
import dev.firetap.annotations.ChangeOperation;
import dev.firetap.annotations.Logged;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

class AnnotatedMethodsTest {

  @Logged
  static class Shop {
    public int sell(String sku, int count) {
      return count;
    }

    int restock(String sku) {
      return 0;
    }

    @Logged(userId = "#buyer.id")
    public void refund(String sku) {}

    @CaptureChange(collection = "orders", operation = ChangeOperation.DELETE, documentId = "#p0")
    void cancel(String orderId) {}

    @Logged(includeResult = true)
    CompletableFuture<Void> ship(String orderId) {
      return CompletableFuture.completedFuture(null);
    }
  }

  @Test
  void picksPublicMethodsOfALoggedTypeAndAnnotatedOnesAndLeavesInvalidOnesOut() {
    TypeDescription shop = TypeDescription.ForLoadedType.of(Shop.class);

    assertThat(AnnotatedMethods.valid(shop, NOPLogger.NOP_LOGGER))
        .extracting(MethodDescription::getName)
        .containsExactlyInAnyOrder("sell", "cancel", "ship");
  }

  @Test
  void describesAMethodAsReflectionDoes() throws Exception {
    for (Method method : Shop.class.getDeclaredMethods()) {
      MethodDescription described = new MethodDescription.ForLoadedMethod(method);

      assertThat(AnnotatedMethods.describe(described))
          .isEqualTo(dev.firetap.annotation.internal.MethodDescription.of(method));
    }
  }

  @Test
  void theHandlersSignatureIsTheAdvicesNameAndDescriptor() throws Exception {
    Method sell = Shop.class.getDeclaredMethod("sell", String.class, int.class);

    assertThat(AnnotatedCallHandler.signature(sell))
        .isEqualTo("sell(Ljava/lang/String;I)I")
        .isEqualTo(sell.getName() + new MethodDescription.ForLoadedMethod(sell).getDescriptor());
  }

  @Test
  void firetapsPackagesAreThoseWithAClassInTheAgentsLocation() throws Exception {
    FiretapPackages packages = FiretapPackages.ofAgent();

    assertThat(packages.contains("dev.firetap.agent.internal.Anything")).isTrue();
    assertThat(packages.contains("dev.firetap.it.aspectj.OrderService")).isFalse();
    assertThat(packages.contains("com.example.Shop")).isFalse();
  }
}
