package dev.firetap.sample.demo;

/**
 * The servers the sample app and its worker use.
 *
 * @param redisUrl the Redis of Firetap's streams and of the sample's own state
 * @param firestoreEmulator {@code host:port} of the Firestore emulator
 * @param firestoreProject the project id in the emulator
 */
public record Backends(String redisUrl, String firestoreEmulator, String firestoreProject) {}
