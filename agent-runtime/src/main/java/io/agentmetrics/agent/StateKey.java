package io.agentmetrics.agent;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.Preconditions;

/**
 * A typed key into a {@link DeepAgentState}: its name and the type of the value it holds.
 *
 * <pre>{@code
 * static final StateKey<Integer> ATTEMPTS = StateKey.of("attempts", Integer.class);
 * static final StateKey<List<String>> SOURCES = StateKey.ofGeneric("sources", List.class);
 * }</pre>
 *
 * <p>Two keys are equal when name and type are equal; a state holds one value per name.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the key's name, unique within a state; not blank
 * @param type the type of the value; values are checked against it when stored
 * @param <T> the value type
 * @since 0.1.0
 */
public record StateKey<T>(String name, Class<T> type) {

  /** Checks the name and type. */
  public StateKey {
    Preconditions.notBlank(name, "name");
    requireNonNull(type, "type");
  }

  /** A key named {@code name} for values of {@code type}. */
  public static <T> StateKey<T> of(String name, Class<T> type) {
    return new StateKey<>(name, type);
  }

  /**
   * A key for a generic value type, such as {@code List<String>}, whose class literal is raw.
   * Values are checked against the raw class only.
   */
  @SuppressWarnings("unchecked")
  public static <T> StateKey<T> ofGeneric(String name, Class<? super T> rawType) {
    return new StateKey<>(name, (Class<T>) rawType);
  }

  T cast(Object value) {
    if (!type.isInstance(value)) {
      throw new ClassCastException(
          "state key '"
              + name
              + "' holds "
              + type.getName()
              + " values, got "
              + value.getClass().getName());
    }
    return type.cast(value);
  }
}
