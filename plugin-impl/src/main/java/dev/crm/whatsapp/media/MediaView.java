package dev.crm.whatsapp.media;

import java.time.OffsetDateTime;

/**
 * An upload as the API answers it: pass {@code id} as {@code media.id} of {@code POST /leads/{id}/messages}
 * before {@code expiresAt}.
 */
public record MediaView(String id, String kind, String mimeType, String filename, long size,
    OffsetDateTime createdAt, OffsetDateTime expiresAt) {

  static MediaView of(StoredMedia media) {
    return new MediaView(media.id(), MediaRules.forContentType(media.mimeType()).orElseThrow().kind().name(),
        media.mimeType(), media.filename(), media.sizeBytes(), media.createdAt(), media.expiresAt());
  }
}
