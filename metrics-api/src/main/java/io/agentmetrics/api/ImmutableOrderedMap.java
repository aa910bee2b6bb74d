package io.agentmetrics.api;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An unmodifiable map that iterates in the order its entries were given, held in arrays: {@link
 * #of} keeps one array of alternating keys and values, {@link #ofDoubles} an array of keys and one
 * of unboxed {@code double} values, boxed only when read (the phase sums of a breakdown).
 *
 * <p>Every metric, phase and breakdown carries such a map, usually with one to three entries, and
 * many are kept for a while (the aggregator's recent metrics, a stored task's breakdown): a {@code
 * LinkedHashMap} behind an unmodifiable view spends three objects and a node per entry on them,
 * this map two objects in all. Lookups scan the keys, which for a handful of entries is as fast as
 * hashing; a map of hundreds of entries is looked up in linear time.
 *
 * <p>Immutable, and so thread-safe; keys and values are never null.
 */
abstract class ImmutableOrderedMap<V> extends AbstractMap<String, V> {

  private ImmutableOrderedMap() {}

  /** Takes ownership of {@code keysAndValues}: keys at even indexes, each followed by its value. */
  static <V> ImmutableOrderedMap<V> of(Object[] keysAndValues) {
    return new OfObjects<>(keysAndValues);
  }

  /**
   * Takes ownership of the first {@code size} keys and values of {@code keys} and {@code values}:
   * the caller never writes to them again.
   */
  static ImmutableOrderedMap<Double> ofDoubles(String[] keys, double[] values, int size) {
    return new OfDoubles(keys, values, size);
  }

  /** The key of entry {@code index}, from 0 in iteration order. */
  abstract String keyAt(int index);

  /** The value of entry {@code index}. */
  abstract V valueAt(int index);

  @Override
  public boolean containsKey(@Nullable Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public @Nullable V get(@Nullable Object key) {
    int index = indexOf(key);
    return index < 0 ? null : valueAt(index);
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super V> action) {
    int size = size();
    for (int i = 0; i < size; i++) {
      action.accept(keyAt(i), valueAt(i));
    }
  }

  @Override
  public Set<Map.Entry<String, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return ImmutableOrderedMap.this.size();
      }

      @Override
      public Iterator<Map.Entry<String, V>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size();
          }

          @Override
          public Map.Entry<String, V> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            Map.Entry<String, V> entry = new SimpleImmutableEntry<>(keyAt(next), valueAt(next));
            next++;
            return entry;
          }
        };
      }
    };
  }

  @Override
  public V put(String key, V value) {
    throw unmodifiable();
  }

  @Override
  public void putAll(Map<? extends String, ? extends V> map) {
    throw unmodifiable();
  }

  @Override
  public @Nullable V putIfAbsent(String key, V value) {
    throw unmodifiable();
  }

  @Override
  public V remove(@Nullable Object key) {
    throw unmodifiable();
  }

  @Override
  public boolean remove(@Nullable Object key, @Nullable Object value) {
    throw unmodifiable();
  }

  @Override
  public void clear() {
    throw unmodifiable();
  }

  @Override
  public boolean replace(String key, V oldValue, V newValue) {
    throw unmodifiable();
  }

  @Override
  public @Nullable V replace(String key, V value) {
    throw unmodifiable();
  }

  @Override
  public void replaceAll(BiFunction<? super String, ? super V, ? extends V> function) {
    throw unmodifiable();
  }

  @Override
  public V computeIfAbsent(String key, Function<? super String, ? extends V> mapping) {
    throw unmodifiable();
  }

  @Override
  public @Nullable V computeIfPresent(
      String key, BiFunction<? super String, ? super V, ? extends @Nullable V> remapping) {
    throw unmodifiable();
  }

  @Override
  public @Nullable V compute(
      String key,
      BiFunction<? super String, ? super @Nullable V, ? extends @Nullable V> remapping) {
    throw unmodifiable();
  }

  @Override
  public @Nullable V merge(
      String key, V value, BiFunction<? super V, ? super V, ? extends @Nullable V> remapping) {
    throw unmodifiable();
  }

  private static UnsupportedOperationException unmodifiable() {
    return new UnsupportedOperationException(
        "this map is immutable; copy it (new LinkedHashMap<>(map)) to change it");
  }

  private int indexOf(@Nullable Object key) {
    if (key != null) {
      int size = size();
      for (int i = 0; i < size; i++) {
        if (key.equals(keyAt(i))) {
          return i;
        }
      }
    }
    return -1;
  }

  /** Keys and values alternating in one array. */
  private static final class OfObjects<V> extends ImmutableOrderedMap<V> {

    private final Object[] keysAndValues;

    OfObjects(Object[] keysAndValues) {
      this.keysAndValues = keysAndValues;
    }

    @Override
    public int size() {
      return keysAndValues.length / 2;
    }

    @Override
    String keyAt(int index) {
      return (String) keysAndValues[2 * index];
    }

    @Override
    @SuppressWarnings("unchecked") // the factory's contract: odd indexes hold values of V
    V valueAt(int index) {
      return (V) keysAndValues[2 * index + 1];
    }
  }

  /** Keys in one array, their values unboxed in another. */
  static final class OfDoubles extends ImmutableOrderedMap<Double> {

    private final String[] keys;
    private final double[] values;
    private final int size;

    OfDoubles(String[] keys, double[] values, int size) {
      this.keys = keys;
      this.values = values;
      this.size = size;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    String keyAt(int index) {
      return keys[index];
    }

    @Override
    Double valueAt(int index) {
      return values[index];
    }

    /** The value of entry {@code index}, unboxed. */
    double doubleAt(int index) {
      return values[index];
    }
  }
}
