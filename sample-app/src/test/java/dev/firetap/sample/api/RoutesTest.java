package dev.firetap.sample.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutesTest {
  private final Endpoint pay = request -> "pay";
  private final Routes routes =
      new Routes().post("/orders", request -> "place").post("/orders/{id}/payment", pay);

  @Test
  void findsTheRouteOfAPathWithItsParameters() {
    Routes.Match match = routes.find("POST", "/orders/o-17/payment").orElseThrow();

    assertThat(match.route().endpoint()).isSameAs(pay);
    assertThat(match.parameters()).isEqualTo(Map.of("id", "o-17"));
  }

  @Test
  void ignoresATrailingSlash() {
    assertThat(routes.find("POST", "/orders/")).isPresent();
  }

  @Test
  void findsNothingForAnotherMethodOrPath() {
    assertThat(routes.find("GET", "/orders")).isEmpty();
    assertThat(routes.find("POST", "/orders/o-17")).isEmpty();
  }
}
