package dev.crm.whatsapp.testing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * MicroProfile Config backed by a map, for beans that read their configuration in {@code @PostConstruct}.
 * Only strings are supported; lists are comma-separated, as MicroProfile Config splits them.
 */
public final class MapConfig implements Config {
  private final Map<String, String> values;
  private final List<ConfigSource> sources;

  private MapConfig(Map<String, String> values) {
    this(values, List.of());
  }

  private MapConfig(Map<String, String> values, List<ConfigSource> sources) {
    this.values = Map.copyOf(values);
    this.sources = List.copyOf(sources);
  }

  public static MapConfig empty() {
    return new MapConfig(Map.of());
  }

  public static MapConfig of(Map<String, String> values) {
    return new MapConfig(values);
  }

  /** A copy with one more key. */
  public MapConfig with(String key, String value) {
    Map<String, String> copy = new HashMap<>(values);
    copy.put(key, value);
    return new MapConfig(copy, sources);
  }

  /** A copy that lists these sources (only {@link #getConfigSources()} reads them, the values stay as given). */
  public MapConfig withSources(ConfigSource... more) {
    return new MapConfig(values, List.of(more));
  }

  @Override
  public <T> T getValue(String name, Class<T> type) {
    return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
  }

  @Override
  public ConfigValue getConfigValue(String name) {
    String value = values.get(name);
    return new ConfigValue() {
      @Override public String getName() { return name; }
      @Override public String getValue() { return value; }
      @Override public String getRawValue() { return value; }
      @Override public String getSourceName() { return "MapConfig"; }
      @Override public int getSourceOrdinal() { return 100; }
    };
  }

  @Override
  public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
    return Optional.ofNullable(values.get(name)).map(value -> convert(value, type));
  }

  @Override
  public <T> List<T> getValues(String name, Class<T> type) {
    return getOptionalValues(name, type).orElseThrow(() -> new NoSuchElementException(name));
  }

  @Override
  public <T> Optional<List<T>> getOptionalValues(String name, Class<T> type) {
    return Optional.ofNullable(values.get(name))
        .map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
            .map(s -> convert(s, type)).toList())
        .filter(list -> !list.isEmpty());
  }

  @Override
  public Iterable<String> getPropertyNames() {
    return values.keySet();
  }

  @Override
  public Iterable<ConfigSource> getConfigSources() {
    return sources;
  }

  @Override
  public <T> Optional<Converter<T>> getConverter(Class<T> type) {
    return type == String.class ? Optional.of(value -> type.cast(value)) : Optional.empty();
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new IllegalArgumentException("MapConfig is not a " + type.getName());
  }

  private static <T> T convert(String value, Class<T> type) {
    if (type != String.class) {
      throw new UnsupportedOperationException("MapConfig only reads strings, not " + type.getName());
    }
    return type.cast(value);
  }
}
