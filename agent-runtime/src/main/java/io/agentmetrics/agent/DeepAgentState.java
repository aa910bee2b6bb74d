package io.agentmetrics.agent;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The working memory of one agent run, shared by the steps (and parallel tool calls) of that run.
 *
 * <p>Values are stored by name. {@link StateKey Typed keys} are the preferred way in: they check
 * the value's type when it is stored and cast it when it is read. The untyped, name-based methods
 * exist for generic code such as serializers and debuggers.
 *
 * <p>Thread-safe: every method may be called from any thread, and {@link #computeIfAbsent} is
 * atomic. Null values are not allowed.
 *
 * @since 0.1.0
 */
public final class DeepAgentState {

  private final ConcurrentHashMap<String, Object> values = new ConcurrentHashMap<>();

  /** An empty state. */
  public DeepAgentState() {}

  /**
   * The value stored under {@code key}.
   *
   * @throws ClassCastException naming the key if the stored value is not of the key's type
   */
  public <T> Optional<T> get(StateKey<T> key) {
    Object value = values.get(key.name());
    return value == null ? Optional.empty() : Optional.of(key.cast(value));
  }

  /**
   * Stores {@code value} under {@code key}, replacing any previous value.
   *
   * @return the previous value, if any
   * @throws ClassCastException if {@code value} is not an instance of the key's type (possible only
   *     through raw or unchecked generic use)
   */
  public <T> Optional<T> put(StateKey<T> key, T value) {
    requireNonNull(value, () -> "value for state key '" + key.name() + "'");
    Object previous = values.put(key.name(), key.cast(value));
    return previous == null ? Optional.empty() : Optional.of(key.cast(previous));
  }

  /**
   * Returns the value under {@code key}, storing the one {@code supplier} makes if there is none.
   * Atomic: concurrent callers get the same value and {@code supplier} runs at most once.
   *
   * @throws NullPointerException if {@code supplier} returns null
   */
  public <T> T computeIfAbsent(StateKey<T> key, Supplier<? extends T> supplier) {
    Object value =
        values.computeIfAbsent(
            key.name(),
            name ->
                key.cast(
                    requireNonNull(
                        supplier.get(),
                        () -> "supplier for state key '" + name + "' returned null")));
    return key.cast(value);
  }

  /** Removes the value under {@code key}; returns it, if there was one. */
  public <T> Optional<T> remove(StateKey<T> key) {
    Object previous = values.remove(key.name());
    return previous == null ? Optional.empty() : Optional.of(key.cast(previous));
  }

  /** Whether a value is stored under {@code key}'s name. */
  public boolean contains(StateKey<?> key) {
    return values.containsKey(key.name());
  }

  /** The value stored under {@code name}, whatever its type. */
  public Optional<Object> get(String name) {
    return Optional.ofNullable(values.get(requireNonNull(name, "name")));
  }

  /** Stores {@code value} under {@code name}, replacing any previous value. */
  public void put(String name, Object value) {
    requireNonNull(name, "name");
    values.put(name, requireNonNull(value, () -> "value for state key '" + name + "'"));
  }

  /** How many values are stored. */
  public int size() {
    return values.size();
  }

  /** Whether no value is stored. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** An immutable copy of the values stored now, by name. */
  public Map<String, Object> snapshot() {
    return Map.copyOf(values);
  }

  @Override
  public String toString() {
    return "DeepAgentState" + values.keySet();
  }
}
