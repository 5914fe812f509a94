package dev.crm.whatsapp.media;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One uploaded file, its bytes in the row, until {@code expiresAt}. */
@Entity
@Table(name = "wa_media")
@NamedQuery(name = "StoredMedia.deleteExpired", query = "DELETE FROM StoredMedia m WHERE m.expiresAt < :now")
@NamedQuery(name = "StoredMedia.deleteOfLead",
    query = "DELETE FROM StoredMedia m WHERE m.tenantId = :tenant AND m.leadId = :lead")
public class StoredMedia {
  @Id
  private String id;

  @Column(name = "tenant_id", nullable = false)
  private String tenantId;

  @Column(name = "lead_id", nullable = false)
  private String leadId;

  @Column(name = "mime_type", nullable = false)
  private String mimeType;

  @Column(nullable = false)
  private String filename;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private byte[] content;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  protected StoredMedia() {}

  static StoredMedia of(TenantId tenant, LeadId lead, String mimeType, String filename, byte[] content,
      String createdBy, OffsetDateTime now, OffsetDateTime expiresAt) {
    StoredMedia media = new StoredMedia();
    media.id = UUID.randomUUID().toString();
    media.tenantId = tenant.value();
    media.leadId = lead.value();
    media.mimeType = mimeType;
    media.filename = filename;
    media.sizeBytes = content.length;
    media.content = content;
    media.createdBy = createdBy;
    media.createdAt = now;
    media.expiresAt = expiresAt;
    return media;
  }

  public String id() { return id; }
  public TenantId tenant() { return new TenantId(tenantId); }
  public LeadId lead() { return new LeadId(leadId); }
  public String mimeType() { return mimeType; }
  public String filename() { return filename; }
  public long sizeBytes() { return sizeBytes; }
  public byte[] content() { return content; }
  public OffsetDateTime createdAt() { return createdAt; }
  public OffsetDateTime expiresAt() { return expiresAt; }
}
