package io.agentmetrics.a2a.task;

import io.agentmetrics.a2a.store.StoredPushConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Names the payload of each push config, since a store keeps names, not code: {@code 0.3} for the
 * A2A 0.3 task (no payload), the names the server registers (such as {@code 1.0}) for theirs, and a
 * name of this process for any other, which other replicas read as 0.3.
 *
 * <p>Thread-safe.
 */
final class PushPayloads {

  /** The A2A 0.3 task, posted as it is. */
  static final String TASK = "0.3";

  private final Map<String, PushPayload> byName = new ConcurrentHashMap<>();
  private final Map<PushPayload, String> names = new ConcurrentHashMap<>();
  private final AtomicInteger unnamed = new AtomicInteger();

  PushPayloads(Map<String, PushPayload> named) {
    named.forEach(
        (name, payload) -> {
          byName.put(name, payload);
          names.put(payload, name);
        });
  }

  /** The config of {@code target} with its payload's name. */
  StoredPushConfig stored(PushTarget target) {
    PushPayload payload = target.payload();
    return new StoredPushConfig(target.config(), payload == null ? TASK : name(payload));
  }

  /** The config with the payload of its name; 0.3 for a name this process does not know. */
  PushTarget target(StoredPushConfig stored) {
    return new PushTarget(stored.config(), payload(stored.protocol()));
  }

  private @Nullable PushPayload payload(String name) {
    return byName.get(name);
  }

  private String name(PushPayload payload) {
    return names.computeIfAbsent(
        payload,
        unknown -> {
          String name = "local-" + unnamed.incrementAndGet();
          byName.put(name, unknown);
          return name;
        });
  }
}
