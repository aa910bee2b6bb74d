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
   * Stores {@code value} under {@code key}, replacing any previous value. Atomic: if it throws, the
   * state is unchanged.
   *
   * @return the previous value, if any
   * @throws ClassCastException naming the key and both types if {@code value} is not an instance of
   *     the key's type (possible only through raw or unchecked generic use), or if the name holds a
   *     value of another type (stored through another key or by name); remove that value first
   */
  public <T> Optional<T> put(StateKey<T> key, T value) {
    requireNonNull(value, () -> "value for state key '" + key.name() + "'");
    T checked = key.cast(value);
    Object[] previous = new Object[1];
    // A throw inside compute leaves the mapping as it was, so the check and the store are one step.
    values.compute(
        key.name(),
        (name, old) -> {
          previous[0] = old == null ? null : key.cast(old);
          return checked;
        });
    return Optional.ofNullable(key.type().cast(previous[0]));
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

  /**
   * Removes the value under {@code key}; returns it, if there was one. Atomic: if it throws, the
   * state is unchanged.
   *
   * @throws ClassCastException naming the key and both types if the name holds a value of another
   *     type; remove it through a key of that type
   */
  public <T> Optional<T> remove(StateKey<T> key) {
    Object[] previous = new Object[1];
    values.computeIfPresent(
        key.name(),
        (name, old) -> {
          previous[0] = key.cast(old);
          return null;
        });
    return Optional.ofNullable(key.type().cast(previous[0]));
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
