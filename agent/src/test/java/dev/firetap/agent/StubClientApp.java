package dev.firetap.agent;

/**
 * An application whose class path starts with a Firestore client that lacks what the agent relies
 * on: it loads that client's FirestoreImpl and prints {@code APP RAN}.
 */
public final class StubClientApp {
  private StubClientApp() {}

  public static void main(String[] args) throws Exception {
    Object client =
        Class.forName("com.google.cloud.firestore.FirestoreImpl").getConstructor().newInstance();
    System.out.println("APP RAN with " + client);
  }
}
