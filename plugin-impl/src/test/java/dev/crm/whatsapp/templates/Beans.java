package dev.crm.whatsapp.templates;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** The few CDI parts a service needs outside the container: fixed bean lists and recorded events. */
final class Beans {
  private Beans() {}

  /** An {@link Instance} over a fixed list of beans. */
  static <T> Instance<T> instance(List<T> beans) {
    return new Instance<>() {
      @Override public Iterator<T> iterator() { return beans.iterator(); }
      @Override public T get() { return beans.get(0); }
      @Override public Instance<T> select(Annotation... qualifiers) { return this; }
      @Override public <U extends T> Instance<U> select(Class<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
      }
      @Override public <U extends T> Instance<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
      }
      @Override public boolean isUnsatisfied() { return beans.isEmpty(); }
      @Override public boolean isAmbiguous() { return beans.size() > 1; }
      @Override public void destroy(T instance) {}
      @Override public Handle<T> getHandle() { throw new UnsupportedOperationException(); }
      @Override public Iterable<? extends Handle<T>> handles() { throw new UnsupportedOperationException(); }
    };
  }

  /** An {@link Event} that keeps what was fired. */
  static final class Recorded<T> implements Event<T> {
    final List<T> fired = new CopyOnWriteArrayList<>();

    @Override public void fire(T event) { fired.add(event); }
    @Override public <U extends T> CompletionStage<U> fireAsync(U event) { throw new UnsupportedOperationException(); }
    @Override public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
      throw new UnsupportedOperationException();
    }
    @Override public Event<T> select(Annotation... qualifiers) { return this; }
    @Override public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }
    @Override public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }
  }
}
