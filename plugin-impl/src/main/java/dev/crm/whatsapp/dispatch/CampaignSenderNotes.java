package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.platform.Sql;
import dev.crm.whatsapp.providers.Providers.Route;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Says on a campaign when its messages leave from another number than the one it asked for (its
 * preferred, else the tenant's primary), and why: "sending from Backup: failed over from Main (disabled)".
 * The note is cleared when they leave from that number again. Written only when it changes, so a send
 * costs a map lookup, not a statement.
 */
@ApplicationScoped
public class CampaignSenderNotes {
  private static final Logger LOG = Logger.getLogger(CampaignSenderNotes.class.getName());

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  /** This bean through its proxy: the send that notes holds no transaction, the write needs its own. */
  @Inject CampaignSenderNotes self;

  /** The note last written per campaign by this process; empty optional for "no note". */
  private final Map<String, Optional<String>> written = new ConcurrentHashMap<>();

  /** For tests outside the container. */
  public static CampaignSenderNotes over(EntityManager em) {
    CampaignSenderNotes notes = new CampaignSenderNotes();
    notes.em = em;
    notes.self = notes;
    return notes;
  }

  /** Campaign {@code campaignId}'s message leaves by {@code route}: notes a failover, or clears the note. */
  public void leftBy(String campaignId, Route route) {
    Optional<String> note = Optional.ofNullable(route.note()).map(why -> "sending from " + route.name() + ": " + why);
    if (note.equals(written.get(campaignId))) {
      return;
    }
    try {
      self.write(campaignId, note.orElse(null));
      written.put(campaignId, note);
    } catch (RuntimeException e) {
      // the send it describes is claimed and must go on; the next one writes the note again
      LOG.log(Level.WARNING, "Sender note of campaign " + campaignId + " not written", e);
    }
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void write(String campaignId, String note) {
    Sql.over(em).update("UPDATE wa_campaign SET sender_note = ? WHERE id = ?",
        Arrays.asList(note, campaignId));
  }
}
