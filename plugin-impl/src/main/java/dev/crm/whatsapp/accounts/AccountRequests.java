package dev.crm.whatsapp.accounts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the accounts API. */
public final class AccountRequests {
  private AccountRequests() {}

  /** A new sender number. {@code credentials} is the provider secret (Cloud API access token). */
  public record Create(
      @NotBlank(message = "is required") @Size(max = 100, message = "is at most 100 characters") String name,
      @NotBlank(message = "is required") String phoneNumber,
      @NotBlank(message = "is required") String provider,
      @NotBlank(message = "is required") @Size(max = 128, message = "is at most 128 characters") String senderId,
      @Size(max = 4096, message = "is at most 4096 characters") String credentials,
      @Min(value = 1, message = "is at least 1") @Max(value = 1000, message = "is at most 1000") Integer mpsLimit,
      @Min(value = 1, message = "is at least 1") Integer dailyLimit,
      Boolean primary) {}

  /** Changes; absent fields stay as they are. A new {@code credentials} replaces the old. */
  public record Update(
      @Size(min = 1, max = 100, message = "is 1 to 100 characters") String name,
      @Size(min = 1, max = 4096, message = "is 1 to 4096 characters") String credentials,
      @Min(value = 1, message = "is at least 1") @Max(value = 1000, message = "is at most 1000") Integer mpsLimit,
      @Min(value = 1, message = "is at least 1") Integer dailyLimit,
      String status) {}

  /** The result of a connection test. */
  public record ConnectionTest(boolean ok, String problem) {}
}
