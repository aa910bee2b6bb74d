package io.agentmetrics.a2a.v1;

import com.google.lf.a2a.v1.AgentCard;
import com.google.lf.a2a.v1.ListTasksResponse;
import com.google.lf.a2a.v1.StreamResponse;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * ProtoJSON, the JSON form of the A2A 1.0 messages (specification section 5.5): camelCase names,
 * enums by name, timestamps in RFC 3339. Reading accepts both field-name forms and ignores unknown
 * fields (section 5.7), then enforces the proto's {@code REQUIRED} fields. Writing always includes
 * the required fields, even when they hold their default value (such as an empty {@code
 * nextPageToken}), and omits other fields that hold theirs.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class ProtoJson {

  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();
  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer()
          .omittingInsignificantWhitespace()
          .includingDefaultValueFields(requiredFieldsOfResponses());

  private ProtoJson() {}

  /**
   * Reads {@code json} into {@code builder} and checks the required fields.
   *
   * @param json the JSON object
   * @param builder the builder of the expected message
   * @param <T> the message type
   * @return the message
   * @throws A2aException ({@link A2aError#INVALID_PARAMS}) naming the field that is malformed or
   *     missing
   * @since 0.1.0
   */
  // Protobuf's Message.Builder.build() is not generic: T is the message type of the builder the
  // caller passes, and the unchecked cast to it is made here, once.
  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
  public static <T extends Message> T read(String json, Message.Builder builder) {
    merge(json, builder);
    Optional<String> missing = RequiredFields.firstMissing(builder);
    if (missing.isPresent()) {
      throw new A2aException(
          A2aError.INVALID_PARAMS,
          "Invalid params: " + missing.get() + " is required",
          java.util.Map.of("field", missing.get()));
    }
    return (T) builder.build();
  }

  /**
   * Reads {@code json} into {@code builder} without checking the required fields, for a request
   * assembled from several sources (body, path and query) and checked once complete.
   *
   * @param json the JSON object
   * @param builder the builder
   * @throws A2aException ({@link A2aError#INVALID_PARAMS}) when the JSON does not match the type
   * @since 0.1.0
   */
  public static void merge(String json, Message.Builder builder) {
    try {
      PARSER.merge(json, builder);
    } catch (InvalidProtocolBufferException e) {
      throw new A2aException(
          A2aError.INVALID_PARAMS,
          "Invalid params: the request does not match "
              + builder.getDescriptorForType().getName()
              + ": "
              + Sanitize.message(e));
    }
  }

  /**
   * Writes {@code message} as compact ProtoJSON.
   *
   * @param message the message
   * @return the JSON text
   * @since 0.1.0
   */
  public static String write(MessageOrBuilder message) {
    try {
      return PRINTER.print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("A2A 1.0 messages use no Any fields", e);
    }
  }

  private static Set<com.google.protobuf.Descriptors.FieldDescriptor> requiredFieldsOfResponses() {
    Set<com.google.protobuf.Descriptors.FieldDescriptor> fields = new HashSet<>();
    fields.addAll(RequiredFields.reachableFrom(StreamResponse.getDescriptor()));
    fields.addAll(RequiredFields.reachableFrom(ListTasksResponse.getDescriptor()));
    fields.addAll(RequiredFields.reachableFrom(AgentCard.getDescriptor()));
    fields.addAll(
        RequiredFields.reachableFrom(
            com.google.lf.a2a.v1.ListTaskPushNotificationConfigsResponse.getDescriptor()));
    return fields;
  }
}
