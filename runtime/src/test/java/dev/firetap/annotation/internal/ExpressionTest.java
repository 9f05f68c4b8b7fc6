package dev.firetap.annotation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionTest {

  record Customer(String id, String name) {}

  record Order(String id, Customer customer, Map<String, Object> attributes, List<String> items) {}

  static final class Account {
    public String region = "eu";
    private final String owner;
    private final boolean active;

    Account(String owner, boolean active) {
      this.owner = owner;
      this.active = active;
    }

    public String getOwner() {
      return owner;
    }

    public boolean isActive() {
      return active;
    }
  }

  static final class OrderService {
    Order place(Order order, String userId) {
      return order;
    }

    void cancel(String orderId) {}

    CompletableFuture<Void> archive(String orderId) {
      return CompletableFuture.completedFuture(null);
    }

    CompletableFuture<Order> load(String orderId) {
      return CompletableFuture.completedFuture(null);
    }

    Account account(Account account) {
      return account;
    }
  }

  private static final Order ORDER =
      new Order(
          "o1",
          new Customer("c7", "Ada"),
          mapOf("channel", "web", "7", "seven"),
          List.of("apple", "pear"));

  @ParameterizedTest
  @CsvSource(
      quoteCharacter = '~',
      value = {
        "#order.id, o1",
        "#p0.id, o1",
        "#0.id, o1",
        "#userId, u9",
        "#p1, u9",
        "#order.customer.id, c7",
        "#order.customer.name, Ada",
        "#order.attributes.channel, web",
        "#order.attributes['channel'], web",
        "#order.attributes[\"channel\"], web",
        "#order.attributes[7], seven",
        "#order.items[1], pear",
        "#order['customer']['id'], c7",
        "#result.customer.id, c7"
      })
  void evaluatesChainsOfParametersPropertiesAndKeys(String text, String expected) {
    Expression expression = Expression.parse(text, site("place"));

    Object value = expression.evaluate(new Object[] {ORDER, "u9"}, ORDER);

    assertThat(value).isEqualTo(expected);
  }

  @Test
  void readsGettersIsGettersAndPublicFields() {
    Account account = new Account("ada", true);
    Object[] arguments = {account};

    Object owner = Expression.parse("#account.owner", site("account")).evaluate(arguments, null);
    Object active = Expression.parse("#account.active", site("account")).evaluate(arguments, null);
    Object region = Expression.parse("#account.region", site("account")).evaluate(arguments, null);

    assertThat(owner).isEqualTo("ada");
    assertThat(active).isEqualTo(true);
    assertThat(region).isEqualTo("eu");
  }

  @Test
  void aNullInTheMiddleOfAChainGivesNull() {
    Order withoutCustomer = new Order("o2", null, Map.of(), List.of());
    Expression expression = Expression.parse("#order.customer.id", site("place"));

    Object value = expression.evaluate(new Object[] {withoutCustomer, null}, null);

    assertThat(value).isNull();
  }

  @Test
  void missingMapKeysAndIndexesBeyondTheEndGiveNull() {
    Object[] arguments = {ORDER, "u9"};

    Object key =
        Expression.parse("#order.attributes.none", site("place")).evaluate(arguments, null);
    Object index = Expression.parse("#order.items[5]", site("place")).evaluate(arguments, null);

    assertThat(key).isNull();
    assertThat(index).isNull();
  }

  @Test
  void resultOfAFutureReturningMethodIsAllowed() {
    Expression expression = Expression.parse("#result.id", site("load"));

    assertThat(expression.usesResult()).isTrue();
  }

  @Test
  void anUnknownPropertyFailsAtEvaluationNamingTheTypeAndTheExpression() {
    Expression expression = Expression.parse("#order.customer.email", site("place"));

    assertThatThrownBy(() -> expression.evaluate(new Object[] {ORDER, "u9"}, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'#order.customer.email'")
        .hasMessageContaining(Customer.class.getName() + " has no property 'email'");
  }

  @Test
  void anUnknownParameterNameIsReportedWithTheMethodAndTheParameters() {
    assertThatThrownBy(() -> Expression.parse("#ordr.id", site("place")))
        .isInstanceOf(ExpressionException.class)
        .hasMessage(
            "@CaptureChange on OrderService.place(Order, String): documentId '#ordr.id' names no"
                + " parameter (parameters: order, userId)");
  }

  @Test
  void resultOnAVoidMethodIsReported() {
    assertThatThrownBy(() -> Expression.parse("#result", site("cancel")))
        .hasMessage(
            "@CaptureChange on OrderService.cancel(String): documentId '#result' uses #result,"
                + " but the method returns nothing");
  }

  @Test
  void resultOnAFutureOfVoidIsReported() {
    assertThatThrownBy(() -> Expression.parse("#result.id", site("archive")))
        .hasMessageContaining("uses #result, but the method returns nothing");
  }

  @Test
  void aPositionBeyondTheParametersIsReported() {
    assertThatThrownBy(() -> Expression.parse("#p2", site("place")))
        .hasMessageEndingWith(
            "'#p2' names parameter 2, but the method has 2 parameters (positions start at 0)");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "order.id | must start with '#' (#name, #p0, #0 or #result)",
        "# | has no parameter name after '#' at position 1",
        "#order. | expects a property name after '.' at position 6",
        "#order..id | expects a property name after '.' at position 6",
        "#order.attributes['channel' | has an unclosed '[' at position 17",
        "#order.attributes['channel | has an unterminated string at position 18",
        "#order[id] | expects a quoted key or an index after '[' at position 6",
        "#order-id | has unexpected '-' at position 6; expected .name or [key]",
        "#order.id) | has unexpected ')' at position 9; expected .name or [key]"
      })
  void malformedExpressionsAreReportedWithThePosition(String text, String problem) {
    assertThatThrownBy(() -> Expression.parse(text, site("place")))
        .isInstanceOf(ExpressionException.class)
        .hasMessageEndingWith("documentId '" + text + "' " + problem);
  }

  private static Expression.Site site(String methodName) {
    return new Expression.Site("@CaptureChange", "documentId", describe(methodName));
  }

  static MethodDescription describe(String methodName) {
    for (Method method : OrderService.class.getDeclaredMethods()) {
      if (method.getName().equals(methodName)) {
        return MethodDescription.of(method);
      }
    }
    throw new AssertionError("OrderService has no method " + methodName);
  }

  private static Map<String, Object> mapOf(String... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
