package io.agentmetrics.a2a.v1;

import io.agentmetrics.a2a.dto.Message;
import io.agentmetrics.a2a.dto.Part;
import io.agentmetrics.a2a.dto.RawJson;
import io.agentmetrics.a2a.dto.Task;
import io.agentmetrics.a2a.jsonrpc.InFlightBudget;
import io.agentmetrics.a2a.jsonrpc.Params;
import io.agentmetrics.a2a.store.RetainedSize;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What A2A 1.0's ProtoJSON holds in memory beyond the request body, reserved in the request's share
 * of the in-flight budget before it is built, as 0.3 reserves the task that {@code tasks/get} sends
 * back. protobuf reads ProtoJSON through a JSON tree and builds a message of objects, where 0.3
 * binds records straight from the body and keeps free-form values as their text; both weigh many
 * times the text they come from, so a 1.0 request that would hold more than the budget has left is
 * refused with a retry hint (HTTP 503) instead of running the server out of memory.
 *
 * <p>Stateless and thread-safe.
 */
final class WireWeight {

  /**
   * The most bytes one JSON token of a 1.0 request holds while it is read: the tree protobuf reads
   * through and the proto message, up to some 180 bytes per token (for {@code [{"k":1},...]}).
   */
  static final int READ_BYTES_PER_TOKEN = 192;

  /**
   * The most bytes reading one byte of a 1.0 request allocates beyond its tokens: the params again
   * as the text protobuf reads (two bytes a character once one is not Latin-1), and each string as
   * the tree and the message hold it, with the builder it grows in: up to 10 for a long text with
   * one character past Latin-1 ({@code WireWeightTest} checks the bound). Everything held while
   * reading was allocated by it, so this bounds what a string of any length holds.
   */
  static final int READ_BYTES_PER_BYTE = 12;

  /**
   * The most bytes one character of a free-form value (a data part, metadata) holds while a task is
   * shown in 1.0: its {@code google.protobuf.Value} and the tree protobuf reads it through, up to
   * some 90 bytes per character.
   */
  static final int RENDERED_BYTES_PER_JSON_CHAR = 96;

  /** The rest of a task is held some four times: as proto, printed, as bytes and as response. */
  static final int RENDERED_COPIES = 4;

  private WireWeight() {}

  /**
   * What reading {@code params} holds: {@value #READ_BYTES_PER_TOKEN} bytes per token and {@value
   * #READ_BYTES_PER_BYTE} per byte.
   */
  static long reading(Params params) {
    return params.tokens() * READ_BYTES_PER_TOKEN + (long) params.length() * READ_BYTES_PER_BYTE;
  }

  /**
   * What showing {@code task} holds: {@value #RENDERED_COPIES} times its retained size, and {@value
   * #RENDERED_BYTES_PER_JSON_CHAR} bytes per character of its free-form values.
   */
  static long rendering(Task task) {
    long jsonChars = 0;
    if (task.status().message() != null) {
      jsonChars += jsonChars(task.status().message());
    }
    for (Message message : task.history()) {
      jsonChars += jsonChars(message);
    }
    for (io.agentmetrics.a2a.dto.Artifact artifact : task.artifacts()) {
      jsonChars += jsonChars(artifact.parts());
    }
    return RENDERED_COPIES * RetainedSize.of(task) + RENDERED_BYTES_PER_JSON_CHAR * jsonChars;
  }

  /**
   * Grows the request's reservation by {@code bytes}.
   *
   * @throws A2aException {@link A2aError#UNAVAILABLE} when the budget does not hold them
   */
  static void reserve(InFlightBudget.Lease lease, long bytes) {
    if (!lease.grow(bytes)) {
      throw new A2aException(A2aError.UNAVAILABLE, InFlightBudget.BUSY);
    }
  }

  private static long jsonChars(Message message) {
    return length(message.metadata()) + jsonChars(message.parts());
  }

  private static long jsonChars(List<Part> parts) {
    long chars = 0;
    for (Part part : parts) {
      chars += length(part.data()) + length(part.metadata());
    }
    return chars;
  }

  private static long length(@Nullable RawJson json) {
    return json == null ? 0 : json.json().length();
  }
}
