package dev.firetap.sample.users;

import com.google.cloud.firestore.DocumentSnapshot;
import dev.firetap.annotations.Sensitive;

/**
 * A user's profile as the API shows it.
 *
 * @param userId the user, also the id of the document {@code users/<userId>}
 * @param displayName the name shown to others; null when not set
 * @param email the e-mail address; null when not set
 * @param city the city; null when not set
 * @param phoneNumber the phone number; null when not set
 * @param phoneVerified whether the phone number is confirmed
 */
public record UserProfile(
    String userId,
    String displayName,
    @Sensitive String email,
    String city,
    String phoneNumber,
    boolean phoneVerified) {

  /** The profile stored in {@code snapshot}. */
  static UserProfile of(DocumentSnapshot snapshot) {
    return new UserProfile(
        snapshot.getId(),
        snapshot.getString("displayName"),
        snapshot.getString("email"),
        snapshot.getString("city"),
        snapshot.getString("phoneNumber"),
        Boolean.TRUE.equals(snapshot.getBoolean("phoneVerified")));
  }
}
