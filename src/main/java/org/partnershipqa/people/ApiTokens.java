package org.partnershipqa.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: created for a person (by themselves or an administrator), shown once, stored as a SHA-256
 * hash, listed, revoked. A token is 256 random bits, so a fast hash is enough: nobody can guess one to try against
 * the hash, and checking one costs microseconds where a password costs a deliberately slow BCrypt check.
 */
@Service
class ApiTokens {

  /** Marks the token's kind in logs and secret scanners. */
  static final String TOKEN_START = "pqa_";
  private static final int PREFIX_LENGTH = TOKEN_START.length() + 6;
  /** "Last used" is kept to the minute, so a busy client does not write to the database on every call. */
  private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);

  private final ApiTokenRepository tokens;
  private final SecureRandom random = new SecureRandom();
  private final Clock clock = Clock.systemUTC();

  ApiTokens(ApiTokenRepository tokens) {
    this.tokens = tokens;
  }

  /** A new token and the only time its value is known. */
  record Created(ApiToken token, String value) {}

  @Transactional
  Created create(AppUser owner, String name, String createdBy) {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String value = TOKEN_START + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    ApiToken token = tokens.save(new ApiToken(owner, name.trim(), hash(value), value.substring(0, PREFIX_LENGTH),
        clock.instant(), createdBy));
    log.info("API token {} ('{}', {}) created for {} by {}", token.getId(), token.getName(), token.getPrefix(),
        owner.getUsername(), createdBy);
    return new Created(token, value);
  }

  /** The person a valid, unrevoked token acts for, if their account is still enabled; notes when it was used. */
  @Transactional
  Optional<PartnershipUser> authenticate(String value) {
    if (value == null || !value.startsWith(TOKEN_START) || value.length() > 200) {
      return Optional.empty();
    }
    Optional<ApiToken> found = tokens.findByTokenHash(hash(value))
        .filter(t -> !t.isRevoked() && t.getUser().isEnabled() && t.getUser().getAgency().isActive());
    found.ifPresent(t -> {
      Instant now = clock.instant();
      if (t.getLastUsedAt() == null || t.getLastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
        t.used(now);
      }
    });
    return found.map(t -> PartnershipUser.of(t.getUser()));
  }

  @Transactional(readOnly = true)
  List<ApiToken> of(String username) {
    return tokens.findByUserUsernameIgnoreCaseOrderByCreatedAtDesc(username);
  }

  @Transactional(readOnly = true)
  List<ApiToken> all() {
    return tokens.findAllByOrderByCreatedAtDesc();
  }

  /** Revokes the token if it is the person's own (or any token, for an administrator); false when not found. */
  @Transactional
  boolean revoke(long id, PartnershipUser by) {
    Optional<ApiToken> token = tokens.findById(id)
        .filter(t -> by.has(Role.ADMINISTRATOR) || t.getUser().getUsername().equalsIgnoreCase(by.username()));
    token.ifPresent(t -> {
      t.revoke(clock.instant(), by.username());
      log.info("API token {} ('{}', {}) of {} revoked by {}", t.getId(), t.getName(), t.getPrefix(),
          t.getUser().getUsername(), by.username());
    });
    return token.isPresent();
  }

  static String hash(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
