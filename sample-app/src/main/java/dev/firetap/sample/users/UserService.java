package dev.firetap.sample.users;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.SetOptions;
import dev.firetap.annotations.LogLevel;
import dev.firetap.annotations.Logged;
import dev.firetap.sample.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/** Users' profiles: one document {@code users/<userId>} each. */
public class UserService {
  /** The collection of the profiles. */
  public static final String COLLECTION = "users";

  private final Firestore firestore;
  private final UserCache cache;

  /** Creates the service on {@code firestore}, reading through {@code cache}. */
  public UserService(Firestore firestore, UserCache cache) {
    this.firestore = firestore;
    this.cache = cache;
  }

  /**
   * Creates or changes the profile of {@code userId}: the fields the update sets replace the stored
   * ones.
   *
   * @return the profile as stored now
   * @throws IllegalArgumentException when the user id is invalid or the update sets nothing
   * @throws ExecutionException when Firestore fails
   */
  @Logged(event = "users.update-profile", userId = "#userId", includeArguments = true)
  public UserProfile updateProfile(String userId, ProfileUpdate update)
      throws ExecutionException, InterruptedException {
    DocumentReference user = document(userId);
    Map<String, Object> fields = fields(update);
    if (fields.isEmpty()) {
      throw new IllegalArgumentException(
          "a profile update must set at least one of displayName, email, city, phoneNumber,"
              + " phoneVerified, got none");
    }
    fields.put("updatedAt", FieldValue.serverTimestamp());
    user.set(fields, SetOptions.merge()).get();
    return UserProfile.of(user.get().get());
  }

  /**
   * The profile of {@code userId}, from the cache when it is there.
   *
   * @throws NoSuchElementException when the user has no profile
   * @throws ExecutionException when Firestore fails
   */
  @Logged(event = "users.profile", level = LogLevel.DEBUG, userId = "#userId")
  public UserProfile profile(String userId) throws ExecutionException, InterruptedException {
    DocumentReference user = document(userId);
    Optional<UserProfile> cached = cache.get(userId);
    if (cached.isPresent()) {
      return cached.get();
    }
    DocumentSnapshot snapshot = user.get().get();
    if (!snapshot.exists()) {
      throw new NoSuchElementException("user " + userId + " has no profile");
    }
    UserProfile profile = UserProfile.of(snapshot);
    cache.put(profile);
    return profile;
  }

  private DocumentReference document(String userId) {
    return firestore.collection(COLLECTION).document(Checks.id("userId", userId));
  }

  private static Map<String, Object> fields(ProfileUpdate update) {
    Map<String, Object> fields = new LinkedHashMap<>();
    putIfSet(fields, "displayName", update.displayName());
    putIfSet(fields, "email", update.email());
    putIfSet(fields, "city", update.city());
    putIfSet(fields, "phoneNumber", update.phoneNumber());
    putIfSet(fields, "phoneVerified", update.phoneVerified());
    return fields;
  }

  private static void putIfSet(Map<String, Object> fields, String name, Object value) {
    if (value != null) {
      fields.put(name, value);
    }
  }
}
