package org.partnershipqa.people;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A personal API token: acts as its person, with their roles as they are when it is used. Only its hash is stored;
 * the prefix (its first characters) tells tokens apart in lists. Revoked tokens are kept, marked, for the record.
 */
@Entity
@Table(name = "api_token")
class ApiToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.EAGER)
  @JoinColumn(name = "user_id")
  private AppUser user;

  private String name;
  private String tokenHash;
  private String prefix;
  private Instant createdAt;
  private String createdBy;
  private Instant lastUsedAt;
  private Instant revokedAt;
  private String revokedBy;

  protected ApiToken() {}

  ApiToken(AppUser user, String name, String tokenHash, String prefix, Instant createdAt, String createdBy) {
    this.user = user;
    this.name = name;
    this.tokenHash = tokenHash;
    this.prefix = prefix;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
  }

  void used(Instant at) {
    lastUsedAt = at;
  }

  void revoke(Instant at, String by) {
    if (revokedAt == null) {
      revokedAt = at;
      revokedBy = by;
    }
  }

  public boolean isRevoked() { return revokedAt != null; }
  public Long getId() { return id; }
  public AppUser getUser() { return user; }
  public String getName() { return name; }
  public String getPrefix() { return prefix; }
  public Instant getCreatedAt() { return createdAt; }
  public String getCreatedBy() { return createdBy; }
  public Instant getLastUsedAt() { return lastUsedAt; }
  public Instant getRevokedAt() { return revokedAt; }
  public String getRevokedBy() { return revokedBy; }
}
