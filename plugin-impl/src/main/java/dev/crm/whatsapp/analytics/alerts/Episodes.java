package dev.crm.whatsapp.analytics.alerts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns successive sets of holding conditions into episodes: which began and which ended since the last set. */
final class Episodes {
  record Changes(List<Alert> began, List<Alert> ended) {}

  private final Map<String, Alert> active = new LinkedHashMap<>();

  Changes next(List<Alert> holding) {
    Map<String, Alert> next = new LinkedHashMap<>();
    holding.forEach(alert -> next.put(alert.key(), alert));
    List<Alert> began = new ArrayList<>();
    next.values().stream().filter(a -> !active.containsKey(a.key())).forEach(began::add);
    List<Alert> ended = new ArrayList<>();
    active.values().stream().filter(a -> !next.containsKey(a.key())).forEach(ended::add);
    active.clear();
    active.putAll(next);
    return new Changes(began, ended);
  }

  Collection<Alert> active() {
    return List.copyOf(active.values());
  }
}
