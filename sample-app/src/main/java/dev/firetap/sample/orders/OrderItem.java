package dev.firetap.sample.orders;

/**
 * One line of an order request.
 *
 * @param sku the product
 * @param quantity how many, 1 to 99
 */
public record OrderItem(String sku, int quantity) {}
