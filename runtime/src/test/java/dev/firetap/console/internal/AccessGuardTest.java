package dev.firetap.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import dev.firetap.console.internal.AccessGuard.Admission;
import org.junit.jupiter.api.Test;

class AccessGuardTest {
  private static final String TOKEN = "Zq3-xv_81kP0aa";
  private final AccessGuard guard = new AccessGuard(TOKEN, 8086);

  @Test
  void admitsTheTokenInTheAddressAndAsksToSetTheCookie() {
    assertThat(guard.admit(new Headers(), TOKEN)).isEqualTo(Admission.TOKEN_IN_ADDRESS);
  }

  @Test
  void admitsTheCookieOfItsOwnPortAmongOthers() {
    Headers headers = headers("Cookie", "theme=dark; firetap_console_8086=" + TOKEN + "; x=1");

    assertThat(guard.admit(headers, "")).isEqualTo(Admission.ADMITTED);
  }

  @Test
  void refusesTheCookieOfAnotherConsolePort() {
    Headers headers = headers("Cookie", "firetap_console_9000=" + TOKEN);

    assertThat(guard.admit(headers, "")).isEqualTo(Admission.REFUSED);
  }

  @Test
  void admitsABearerTokenInAnyCase() {
    assertThat(guard.admit(headers("Authorization", "Bearer " + TOKEN), ""))
        .isEqualTo(Admission.ADMITTED);
    assertThat(guard.admit(headers("Authorization", "bearer " + TOKEN), ""))
        .isEqualTo(Admission.ADMITTED);
  }

  @Test
  void refusesNoTokenAWrongOneAPrefixAndAnEmptyOne() {
    assertThat(guard.admit(new Headers(), "")).isEqualTo(Admission.REFUSED);
    assertThat(guard.admit(new Headers(), "Zq3-xv_81kP0ab")).isEqualTo(Admission.REFUSED);
    assertThat(guard.admit(new Headers(), "Zq3-xv")).isEqualTo(Admission.REFUSED);
    assertThat(guard.admit(headers("Authorization", "Bearer "), "")).isEqualTo(Admission.REFUSED);
    assertThat(guard.admit(headers("Authorization", "Basic " + TOKEN), ""))
        .isEqualTo(Admission.REFUSED);
  }

  @Test
  void aWrongTokenInTheAddressIsRefusedEvenWithAGoodCookie() {
    Headers headers = headers("Cookie", "firetap_console_8086=" + TOKEN);

    assertThat(guard.admit(headers, "guess")).isEqualTo(Admission.REFUSED);
  }

  @Test
  void theCookieIsHttpOnlyAndStrictlySameSite() {
    assertThat(guard.cookie())
        .isEqualTo("firetap_console_8086=" + TOKEN + "; Path=/; HttpOnly; SameSite=Strict");
  }

  private static Headers headers(String name, String value) {
    Headers headers = new Headers();
    headers.add(name, value);
    return headers;
  }
}
