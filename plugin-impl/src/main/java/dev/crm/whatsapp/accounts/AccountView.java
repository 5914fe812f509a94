package dev.crm.whatsapp.accounts;

import java.time.OffsetDateTime;

/**
 * A sender number as the REST API shows it: never its credentials, only whether it has some.
 *
 * @param sessionStatus for a gateway number, the last WhatsApp Web session status it reported
 *     (STOPPED, STARTING, SCAN_QR_CODE, WORKING, FAILED); else {@code null}
 * @param health the score, 0 to 100; {@code healthLevel} is healthy (≥ 70), degraded or critical (< 30)
 */
public record AccountView(
    String id,
    String name,
    String phoneNumber,
    String provider,
    String senderId,
    boolean hasCredentials,
    String status,
    String statusReason,
    boolean primary,
    int mpsLimit,
    Integer dailyLimit,
    int health,
    String healthLevel,
    OffsetDateTime healthCheckedAt,
    Boolean lastConnectionOk,
    OffsetDateTime createdAt,
    String sessionStatus) {

  public static AccountView of(SenderAccount a) {
    return new AccountView(a.id(), a.name(), a.phoneNumber(), a.provider(), a.senderId(), a.credentials().isPresent(),
        a.status().wireName(), a.statusReason().orElse(null), a.isPrimary(), a.mpsLimit(), a.dailyLimit().orElse(null),
        a.healthScore(), HealthScore.level(a.healthScore()), a.healthCheckedAt().orElse(null),
        a.lastConnectionOk().orElse(null), a.createdAt(), a.sessionStatus().orElse(null));
  }
}
