package io.agentmetrics.a2a.store;

import io.agentmetrics.a2a.dto.Artifact;
import io.agentmetrics.a2a.dto.FileContent;
import io.agentmetrics.a2a.dto.Message;
import io.agentmetrics.a2a.dto.Part;
import io.agentmetrics.a2a.dto.PushNotificationAuthenticationInfo;
import io.agentmetrics.a2a.dto.PushNotificationConfig;
import io.agentmetrics.a2a.dto.RawJson;
import io.agentmetrics.a2a.dto.Task;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Estimates of the heap bytes the stored DTOs retain, for the stores' weighers: objects as a 64-bit
 * JVM with compressed references lays them out (a 12-byte header, 4-byte references, sizes rounded
 * up to 8), and strings as compact strings (one byte per character when every character is Latin-1,
 * two otherwise). Shared objects, such as interned constants, are counted each time.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class RetainedSize {

  private static final int HEADER = 12;
  private static final int REFERENCE = 4;
  private static final int ARRAY_HEADER = 16;

  /** A String: header, value, hash, coder and hashIsZero. */
  private static final int STRING = 24;

  /** An immutable list ({@code List.copyOf}): header, elements and allowNulls. */
  private static final int LIST = 24;

  private RetainedSize() {}

  /**
   * A string and its characters.
   *
   * @param value the string, or {@code null}
   * @return its retained bytes, {@code 0} for {@code null}
   * @since 0.1.0
   */
  public static long of(@Nullable String value) {
    if (value == null) {
      return 0;
    }
    return STRING + align(ARRAY_HEADER + (long) value.length() * bytesPerChar(value));
  }

  /**
   * An immutable list of strings, with the strings.
   *
   * @param values the strings
   * @return their retained bytes
   * @since 0.1.0
   */
  public static long ofStrings(List<String> values) {
    long size = list(values.size());
    for (String value : values) {
      size += of(value);
    }
    return size;
  }

  /**
   * A message with its parts and ids.
   *
   * @param message the message
   * @return its retained bytes
   * @since 0.1.0
   */
  public static long of(Message message) {
    long size =
        record(8)
            + of(message.role())
            + of(message.messageId())
            + of(message.contextId())
            + of(message.taskId())
            + of(message.kind())
            + of(message.metadata())
            + list(message.parts().size());
    for (Part part : message.parts()) {
      size += of(part);
    }
    List<String> references = message.referenceTaskIds();
    return references == null ? size : size + ofStrings(references);
  }

  /**
   * An artifact with its parts.
   *
   * @param artifact the artifact
   * @return its retained bytes
   * @since 0.1.0
   */
  public static long of(Artifact artifact) {
    long size =
        record(3) + of(artifact.artifactId()) + of(artifact.name()) + list(artifact.parts().size());
    for (Part part : artifact.parts()) {
      size += of(part);
    }
    return size;
  }

  /**
   * A push-notification config with its credentials.
   *
   * @param config the config
   * @return its retained bytes
   * @since 0.1.0
   */
  public static long of(PushNotificationConfig config) {
    long size = record(4) + of(config.id()) + of(config.url()) + of(config.token());
    PushNotificationAuthenticationInfo authentication = config.authentication();
    if (authentication != null) {
      size += record(2) + of(authentication.credentials()) + ofStrings(authentication.schemes());
    }
    return size;
  }

  /**
   * A task snapshot: its messages, its status message and its artifacts; an estimate of the size of
   * its JSON as well, since text dominates both.
   *
   * @param task the task
   * @return its retained bytes
   * @since 0.1.0
   */
  public static long of(Task task) {
    long size =
        record(6)
            + of(task.id())
            + of(task.contextId())
            + record(3)
            + of(task.status().timestamp())
            + list(task.history().size())
            + list(task.artifacts().size());
    Message status = task.status().message();
    if (status != null) {
      size += of(status);
    }
    for (Message message : task.history()) {
      size += of(message);
    }
    for (Artifact artifact : task.artifacts()) {
      size += of(artifact);
    }
    return size;
  }

  private static long of(Part part) {
    long size =
        record(5) + of(part.kind()) + of(part.text()) + of(part.data()) + of(part.metadata());
    FileContent file = part.file();
    if (file != null) {
      size += record(4) + of(file.name()) + of(file.mimeType()) + of(file.bytes()) + of(file.uri());
    }
    return size;
  }

  private static long of(@Nullable RawJson json) {
    return json == null ? 0 : record(1) + of(json.json());
  }

  /** An object with {@code references} reference fields and nothing else. */
  private static long record(int references) {
    return align(HEADER + (long) references * REFERENCE);
  }

  /** An immutable list of {@code size} elements, without them. */
  private static long list(int size) {
    return LIST + align(ARRAY_HEADER + (long) size * REFERENCE);
  }

  private static int bytesPerChar(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) > 0xFF) {
        return 2;
      }
    }
    return 1;
  }

  private static long align(long bytes) {
    return (bytes + 7) & ~7L;
  }
}
