package dev.firetap.it.aspectj;

/**
 * A customer of the test application.
 *
 * @param id the customer id
 * @param name the display name
 */
public record Customer(String id, String name) {}
