package dev.firetap.agent;

import dev.firetap.annotations.Logged;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * An application whose annotated method receives secrets: {@code <password> <card number>}. It
 * signs up three users through {@link Accounts#register}, prints {@code DONE} and waits to be
 * killed. Run with the agent, the secrets must reach no log, stream or output.
 */
public final class SignupApp {
  private SignupApp() {}

  /** What a user sends to sign up; the password and card number must be redacted. */
  public record Signup(String user, String password, String cardNumber) {}

  /** The annotated service. */
  public static final class Accounts {
    @Logged(event = "signup", includeArguments = true, includeResult = true)
    public Map<String, Object> register(Signup signup, Map<String, Object> payment) {
      return Map.of("user", signup.user(), "password", signup.password(), "payment", payment);
    }
  }

  public static void main(String[] args) throws InterruptedException {
    Accounts accounts = new Accounts();
    for (String user : List.of("ada", "grace", "edsger")) {
      accounts.register(new Signup(user, args[0], args[1]), Map.of("cardNumber", args[1]));
    }
    System.out.println("DONE");
    new CountDownLatch(1).await();
  }
}
