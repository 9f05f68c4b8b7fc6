package dev.firetap.console.internal;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Decides whether a request carries the console token: as {@code ?token=} (which then sets a
 * cookie), in the cookie, or as {@code Authorization: Bearer}. Tokens are compared in constant
 * time, so response times tell nothing about how much of a guess was right.
 */
final class AccessGuard {
  /** What a request showed. */
  enum Admission {
    /** A valid {@code ?token=}: admit, set the cookie, and drop the token from the address. */
    TOKEN_IN_ADDRESS,
    /** A valid cookie or bearer token. */
    ADMITTED,
    /** No token, or a wrong one. */
    REFUSED
  }

  private static final String BEARER = "Bearer ";

  private final byte[] token;
  private final String cookieName;

  /**
   * A guard for {@code token}; the cookie's name carries the port, because browsers share cookies
   * between the ports of a host and two consoles must not overwrite each other's.
   */
  AccessGuard(String token, int port) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.cookieName = "firetap_console_" + port;
  }

  /** Judges a request by its headers and the value of its {@code token} parameter ("" if none). */
  Admission admit(Headers headers, String queryToken) {
    if (!queryToken.isEmpty()) {
      return matches(queryToken) ? Admission.TOKEN_IN_ADDRESS : Admission.REFUSED;
    }
    if (matches(bearer(headers)) || matches(cookie(headers))) {
      return Admission.ADMITTED;
    }
    return Admission.REFUSED;
  }

  /** The {@code Set-Cookie} value that lets a browser in from now on. */
  String cookie() {
    return cookieName
        + "="
        + new String(token, StandardCharsets.UTF_8)
        + "; Path=/; HttpOnly; SameSite=Strict";
  }

  boolean matches(String candidate) {
    byte[] given = candidate.getBytes(StandardCharsets.UTF_8);
    // isEqual does not stop at the first differing byte.
    return given.length > 0 && MessageDigest.isEqual(given, token);
  }

  private static String bearer(Headers headers) {
    String authorization = headers.getFirst("Authorization");
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return "";
    }
    return authorization.substring(BEARER.length()).strip();
  }

  private String cookie(Headers headers) {
    List<String> lines = headers.getOrDefault("Cookie", List.of());
    for (String line : lines) {
      for (String pair : line.split(";")) {
        int equals = pair.indexOf('=');
        if (equals > 0 && pair.substring(0, equals).strip().equals(cookieName)) {
          return pair.substring(equals + 1).strip();
        }
      }
    }
    return "";
  }
}
