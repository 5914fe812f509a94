package dev.crm.whatsapp.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** One sender number of one tenant. The credentials are only ever held sealed. */
@Entity
@Table(name = "wa_sender_account")
@NamedQuery(name = "SenderAccount.ofTenant",
    query = "SELECT a FROM SenderAccount a WHERE a.tenantId = :tenant ORDER BY a.createdAt, a.id")
@NamedQuery(name = "SenderAccount.bySender",
    query = "SELECT a FROM SenderAccount a WHERE a.provider = :provider AND a.senderId = :sender")
public class SenderAccount {
  public static final int DEFAULT_MPS = 80;

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "tenant_id", nullable = false)
  private String tenantId;

  @Column(nullable = false)
  private String name;

  @Column(name = "phone_number", nullable = false)
  private String phoneNumber;

  @Column(nullable = false)
  private String provider;

  @Column(name = "sender_id", nullable = false)
  private String senderId;

  private String credentials;

  @Column(name = "credentials_key_id")
  private String credentialsKeyId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private SenderStatus status;

  @Column(name = "status_reason")
  private String statusReason;

  @Column(name = "is_primary", nullable = false)
  private boolean primary;

  @Column(name = "mps_limit", nullable = false)
  private int mpsLimit;

  @Column(name = "daily_limit")
  private Integer dailyLimit;

  @Column(name = "health_score", nullable = false)
  private int healthScore;

  @Column(name = "health_checked_at")
  private OffsetDateTime healthCheckedAt;

  @Column(name = "last_connection_ok")
  private Boolean lastConnectionOk;

  @Column(name = "session_status")
  private String sessionStatus;

  @Column(name = "session_status_at")
  private OffsetDateTime sessionStatusAt;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  private long version;

  protected SenderAccount() {}

  public static SenderAccount create(String tenant, String name, String phoneNumber, String provider,
      String senderId, SecretBox.Sealed credentials, int mpsLimit, Integer dailyLimit, OffsetDateTime now) {
    SenderAccount account = new SenderAccount();
    account.id = UUID.randomUUID().toString();
    account.tenantId = tenant;
    account.name = name;
    account.phoneNumber = phoneNumber;
    account.provider = provider;
    account.senderId = senderId;
    account.seal(credentials);
    account.status = SenderStatus.ACTIVE;
    account.mpsLimit = mpsLimit;
    account.dailyLimit = dailyLimit;
    account.healthScore = 100;
    account.createdAt = now;
    account.updatedAt = now;
    return account;
  }

  void seal(SecretBox.Sealed sealed) {
    credentials = sealed == null ? null : sealed.ciphertext();
    credentialsKeyId = sealed == null ? null : sealed.keyId();
  }

  void rename(String value, OffsetDateTime now) { name = value; updatedAt = now; }
  void limits(int mps, Integer daily, OffsetDateTime now) { mpsLimit = mps; dailyLimit = daily; updatedAt = now; }
  void primary(boolean value, OffsetDateTime now) { primary = value; updatedAt = now; }

  void status(SenderStatus value, String reason, OffsetDateTime now) {
    status = value;
    statusReason = reason;
    updatedAt = now;
  }

  void health(int score, Boolean connectionOk, OffsetDateTime now) {
    healthScore = score;
    if (connectionOk != null) {
      lastConnectionOk = connectionOk;
    }
    healthCheckedAt = now;
  }

  /**
   * Records a gateway session status that happened at {@code at}; an older report than the one held is
   * ignored (webhooks arrive out of order).
   *
   * @return true when recorded
   */
  boolean sessionStatus(String value, OffsetDateTime at) {
    if (sessionStatusAt != null && !at.isAfter(sessionStatusAt)) {
      return false;
    }
    sessionStatus = value;
    sessionStatusAt = at;
    return true;
  }

  public String id() { return id; }
  public String tenant() { return tenantId; }
  public String name() { return name; }
  public String phoneNumber() { return phoneNumber; }
  public String provider() { return provider; }
  public String senderId() { return senderId; }
  public Optional<SecretBox.Sealed> credentials() {
    return credentials == null ? Optional.empty() : Optional.of(new SecretBox.Sealed(credentialsKeyId, credentials));
  }
  public SenderStatus status() { return status; }
  public Optional<String> statusReason() { return Optional.ofNullable(statusReason); }
  public boolean isPrimary() { return primary; }
  public int mpsLimit() { return mpsLimit; }
  public Optional<Integer> dailyLimit() { return Optional.ofNullable(dailyLimit); }
  public int healthScore() { return healthScore; }
  public Optional<OffsetDateTime> healthCheckedAt() { return Optional.ofNullable(healthCheckedAt); }
  public Optional<Boolean> lastConnectionOk() { return Optional.ofNullable(lastConnectionOk); }
  public OffsetDateTime createdAt() { return createdAt; }
  public Optional<String> sessionStatus() { return Optional.ofNullable(sessionStatus); }
}
