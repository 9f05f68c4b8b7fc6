package dev.firetap.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FirestoreEmulatorIT {
  private static FirestoreEmulator emulator;
  private static Firestore wiped;
  private static Firestore kept;

  @BeforeAll
  static void startEmulator() {
    emulator = FirestoreEmulator.start();
    wiped = emulator.client("wiped");
    kept = emulator.client("kept");
  }

  @AfterAll
  static void stopEmulator() throws Exception {
    if (emulator == null) {
      return;
    }
    wiped.close();
    kept.close();
    emulator.stop();
  }

  @Test
  void clientWritesAndReadsADocument() throws Exception {
    DocumentReference document = kept.document("orders/written");

    document.set(Map.of("item", "tea", "quantity", 2L)).get();
    DocumentSnapshot snapshot = document.get().get();

    assertThat(snapshot.getData()).containsEntry("item", "tea").containsEntry("quantity", 2L);
  }

  @Test
  void resetDeletesTheDocumentsOfThatProjectOnly() throws Exception {
    wiped.document("orders/1").set(Map.of("item", "tea")).get();
    kept.document("orders/1").set(Map.of("item", "coffee")).get();

    emulator.reset("wiped");

    assertThat(wiped.document("orders/1").get().get().exists()).isFalse();
    assertThat(kept.document("orders/1").get().get().exists()).isTrue();
  }

  @Test
  void hostAndPortNamesTheLoopbackPort() {
    String hostAndPort = emulator.hostAndPort();

    assertThat(hostAndPort).isEqualTo("127.0.0.1:" + emulator.port());
    assertThat(emulator.isRunning()).isTrue();
  }
}
