package io.agentmetrics.a2a.jsonrpc;

import io.agentmetrics.a2a.dto.Message;
import io.agentmetrics.a2a.dto.Part;

/**
 * Limits on a message beyond what the JSON parser enforces: the number of parts and the length of
 * each text part.
 *
 * <p>Immutable and thread-safe.
 */
final class MessageLimits {

  private final int maxParts;
  private final int maxTextLength;

  MessageLimits(int maxParts, int maxTextLength) {
    this.maxParts = maxParts;
    this.maxTextLength = maxTextLength;
  }

  void check(Message message) {
    if (!Message.ROLE_USER.equals(message.role())) {
      throw ParamsReader.invalid(
          "params.message.role must be 'user' for messages sent to an agent");
    }
    if (message.parts().size() > maxParts) {
      throw ParamsReader.invalid(
          "params.message.parts has "
              + message.parts().size()
              + " parts; at most "
              + maxParts
              + " are allowed (A2A_MAX_PARTS)");
    }
    for (int i = 0; i < message.parts().size(); i++) {
      Part part = message.parts().get(i);
      if (part.text() != null && part.text().length() > maxTextLength) {
        throw ParamsReader.invalid(
            "params.message.parts["
                + i
                + "].text has "
                + part.text().length()
                + " characters; at most "
                + maxTextLength
                + " are allowed (A2A_MAX_TEXT_LENGTH)");
      }
    }
  }
}
