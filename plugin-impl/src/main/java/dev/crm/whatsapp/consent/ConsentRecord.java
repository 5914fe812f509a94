package dev.crm.whatsapp.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/** The consent of one phone in one tenant: its latest state and what set it. */
@Entity
@Table(name = "wa_consent")
@IdClass(ConsentRecord.Key.class)
public class ConsentRecord {

  /** The composite key: tenant and hashed phone. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    String tenantId;
    String phoneHash;

    public Key() {}

    public Key(String tenantId, String phoneHash) {
      this.tenantId = tenantId;
      this.phoneHash = phoneHash;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key k && k.tenantId.equals(tenantId) && k.phoneHash.equals(phoneHash);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenantId, phoneHash);
    }
  }

  @Id
  @Column(name = "tenant_id")
  private String tenantId;

  @Id
  @Column(name = "phone_hash")
  private String phoneHash;

  private String phone;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ConsentState state;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ConsentSource source;

  private String detail;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected ConsentRecord() {}

  static ConsentRecord of(String tenantId, String phoneHash, String phone, OffsetDateTime now) {
    ConsentRecord record = new ConsentRecord();
    record.tenantId = tenantId;
    record.phoneHash = phoneHash;
    record.phone = phone;
    record.createdAt = now;
    return record;
  }

  void set(ConsentState newState, ConsentSource newSource, String newDetail, OffsetDateTime now) {
    state = newState;
    source = newSource;
    detail = newDetail == null || newDetail.length() <= 250 ? newDetail : newDetail.substring(0, 250);
    updatedAt = now;
  }

  /** GDPR: the number and any free text go; the hash and the state stay. */
  void erasePersonalData() {
    phone = null;
    detail = null;
  }

  public String tenantId() { return tenantId; }
  public Optional<String> phone() { return Optional.ofNullable(phone); }
  public ConsentState state() { return state; }
  public ConsentSource source() { return source; }
  public Optional<String> detail() { return Optional.ofNullable(detail); }
  public OffsetDateTime createdAt() { return createdAt; }
  public OffsetDateTime updatedAt() { return updatedAt; }
}
