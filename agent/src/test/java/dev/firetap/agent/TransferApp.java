package dev.firetap.agent;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Firestore;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * An application that moves a balance between two documents of {@code <collection>}: a set, a
 * transaction with an update and a create, and a delete. {@code <emulator host:port> <collection>};
 * prints {@code <collection> CLIENT <version>} for the Firestore client its class loader gave it,
 * then {@code <collection> DONE}, and waits to be killed.
 */
public final class TransferApp {
  private static final String CLIENT_POM =
      "META-INF/maven/com.google.cloud/google-cloud-firestore/pom.properties";

  private TransferApp() {}

  public static void main(String[] args) throws Exception {
    String collection = args[1];
    System.out.println(collection + " CLIENT " + clientVersion());
    Firestore db = WritingApp.connect(args[0]);
    DocumentReference from = db.document(collection + "/from");
    DocumentReference to = db.document(collection + "/to");
    from.set(Map.of("balance", 10)).get();
    db.runTransaction(
            tx -> {
              long balance = tx.get(from).get().getLong("balance");
              tx.update(from, "balance", balance - 4);
              tx.create(to, Map.of("balance", 4));
              return null;
            })
        .get();
    to.delete().get();
    System.out.println(collection + " DONE");
    // The client stays open: the agent reads the documents' images with it after each commit.
    new CountDownLatch(1).await();
  }

  private static String clientVersion() throws IOException {
    try (InputStream in = Firestore.class.getClassLoader().getResourceAsStream(CLIENT_POM)) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    }
  }
}
