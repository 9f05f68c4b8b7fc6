package dev.firetap.sample.orders;

import java.util.List;

/** What the shop sells, at which price. */
public final class Catalogue {
  /**
   * One product.
   *
   * @param sku its stock keeping unit, which is also its inventory document id
   * @param name its name
   * @param priceCents its price in euro cents
   */
  public record Product(String sku, String name, long priceCents) {}

  private static final List<Product> PRODUCTS =
      List.of(
          new Product("chess-set", "Wooden chess set", 4_500),
          new Product("dice-pack", "Pack of dice", 799),
          new Product("puzzle-1000", "1000-piece puzzle", 1_999),
          new Product("card-deck", "Deck of cards", 499),
          new Product("game-timer", "Game timer", 2_450),
          new Product("score-pad", "Score pad", 350));

  private Catalogue() {}

  /** Every product, in catalogue order. */
  public static List<Product> products() {
    return PRODUCTS;
  }

  /**
   * The product of {@code sku}.
   *
   * @throws IllegalArgumentException when the catalogue has none
   */
  public static Product product(String sku) {
    return PRODUCTS.stream()
        .filter(product -> product.sku().equals(sku))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "sku must be one of "
                        + PRODUCTS.stream().map(Product::sku).toList()
                        + ", got '"
                        + sku
                        + "'"));
  }
}
