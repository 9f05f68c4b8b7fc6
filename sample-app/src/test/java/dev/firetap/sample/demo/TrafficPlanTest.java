package dev.firetap.sample.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrafficPlanTest {
  private static final TrafficPlan.Size SIZE = new TrafficPlan.Size(14, 30, 20, 5);

  @Test
  void theSameSeedMakesTheSamePlan() {
    assertThat(TrafficPlan.generate(3, SIZE)).isEqualTo(TrafficPlan.generate(3, SIZE));
  }

  @Test
  void aPlanHasTheStepsOfItsSize() {
    TrafficPlan plan = TrafficPlan.generate(3, SIZE);

    assertThat(plan.users()).hasSize(14);
    assertThat(plan.steps()).hasSize(55);
    assertThat(plan.steps().stream().filter(TrafficPlan.PlaceAndPay.class::isInstance)).hasSize(30);
  }

  @Test
  void everySeventhUserGivesAVerifiedNumberInLocalForm() {
    TrafficPlan plan = TrafficPlan.generate(3, SIZE);

    assertThat(plan.users())
        .filteredOn(user -> !user.profile().phoneNumber().startsWith("+"))
        .extracting(TrafficPlan.SignUp::userId)
        .containsExactly("u003", "u010");
    assertThat(plan.users().get(2).profile().phoneVerified()).isTrue();
  }

  @Test
  void everyTwelfthOrderIsPaidWithTheDeclinedCard() {
    TrafficPlan plan = TrafficPlan.generate(3, SIZE);

    assertThat(plan.steps())
        .filteredOn(TrafficPlan.PlaceAndPay.class::isInstance)
        .map(step -> ((TrafficPlan.PlaceAndPay) step).cardNumber())
        .filteredOn(TrafficPlan.DECLINED_CARD::equals)
        .hasSize(3);
  }
}
