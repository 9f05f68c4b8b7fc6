package dev.firetap.it.aspectj;

import dev.firetap.annotations.Sensitive;

/**
 * An order of the test application.
 *
 * @param id the order id
 * @param item what was ordered
 * @param customerId who ordered it
 * @param voucher a voucher code, never to be written anywhere
 */
public record Order(String id, String item, String customerId, @Sensitive String voucher) {}
