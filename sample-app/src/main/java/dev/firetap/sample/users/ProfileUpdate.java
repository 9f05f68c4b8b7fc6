package dev.firetap.sample.users;

import dev.firetap.annotations.Sensitive;

/**
 * A change of a user's profile; a null field stays as it is.
 *
 * @param displayName the name shown to others
 * @param email where order confirmations go; kept out of log events
 * @param city where the user lives
 * @param phoneNumber where order SMS go, best in E.164 form such as {@code +4915112345678}; the app
 *     stores what it is given
 * @param phoneVerified whether the user confirmed the number; SMS go only to confirmed numbers
 */
public record ProfileUpdate(
    String displayName,
    @Sensitive String email,
    String city,
    String phoneNumber,
    Boolean phoneVerified) {}
