package io.agentmetrics.a2a.v1;

import static java.util.Objects.requireNonNull;

import com.google.lf.a2a.v1.Artifact;
import com.google.lf.a2a.v1.AuthenticationInfo;
import com.google.lf.a2a.v1.Message;
import com.google.lf.a2a.v1.Part;
import com.google.lf.a2a.v1.Role;
import com.google.lf.a2a.v1.SendMessageRequest;
import com.google.lf.a2a.v1.StreamResponse;
import com.google.lf.a2a.v1.Task;
import com.google.lf.a2a.v1.TaskArtifactUpdateEvent;
import com.google.lf.a2a.v1.TaskPushNotificationConfig;
import com.google.lf.a2a.v1.TaskState;
import com.google.lf.a2a.v1.TaskStatus;
import com.google.lf.a2a.v1.TaskStatusUpdateEvent;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import io.agentmetrics.a2a.dto.FileContent;
import io.agentmetrics.a2a.dto.MessageSendConfiguration;
import io.agentmetrics.a2a.dto.MessageSendParams;
import io.agentmetrics.a2a.dto.PushNotificationAuthenticationInfo;
import io.agentmetrics.a2a.dto.PushNotificationConfig;
import io.agentmetrics.a2a.dto.RawJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Maps between the A2A 1.0 wire types and the server's task model (the records of {@code
 * io.agentmetrics.a2a.dto}, which are also the 0.3 wire format). Every task is kept once, in the
 * model, and shown in whichever version the client speaks: that is what makes a task created over
 * 1.0 readable over 0.3 and the reverse. Free-form values (a data part's {@code data}, any {@code
 * metadata}) are kept as their JSON text ({@link RawJson}) whichever version sent them; 0.3 allows
 * what 1.0 cannot show, so metadata that is not an object is left out of the 1.0 view, and a value
 * that a {@code google.protobuf.Value} cannot hold (a number beyond a double) is shown as its JSON
 * text in a string (in metadata, the metadata is left out).
 *
 * <p>Stateless and thread-safe.
 */
final class WireMapping {

  private static final JsonFormat.Parser VALUES = JsonFormat.parser();
  private static final JsonFormat.Printer VALUE_PRINTER =
      JsonFormat.printer().omittingInsignificantWhitespace();
  private static final long NANOS_PER_MILLI = 1_000_000;

  // ---- from the wire into the model

  MessageSendParams sendParams(SendMessageRequest request) {
    com.google.lf.a2a.v1.SendMessageConfiguration configuration =
        request.hasConfiguration() ? request.getConfiguration() : null;
    MessageSendConfiguration modelConfiguration =
        configuration == null
            ? null
            : new MessageSendConfiguration(
                configuration.getAcceptedOutputModesList(),
                !configuration.getReturnImmediately(),
                configuration.hasHistoryLength() ? configuration.getHistoryLength() : null,
                configuration.hasTaskPushNotificationConfig()
                    ? pushConfig(configuration.getTaskPushNotificationConfig())
                    : null);
    return new MessageSendParams(
        message(request.getMessage()),
        modelConfiguration,
        request.hasMetadata() ? rawJson(request.getMetadata()) : null);
  }

  io.agentmetrics.a2a.dto.Message message(Message message) {
    List<io.agentmetrics.a2a.dto.Part> parts = new ArrayList<>(message.getPartsCount());
    for (int i = 0; i < message.getPartsCount(); i++) {
      parts.add(part(message.getParts(i), "message.parts[" + i + "]"));
    }
    return new io.agentmetrics.a2a.dto.Message(
        message.getRole() == Role.ROLE_AGENT
            ? io.agentmetrics.a2a.dto.Message.ROLE_AGENT
            : io.agentmetrics.a2a.dto.Message.ROLE_USER,
        parts,
        message.getMessageId(),
        emptyToNull(message.getContextId()),
        emptyToNull(message.getTaskId()),
        message.getReferenceTaskIdsCount() == 0 ? null : message.getReferenceTaskIdsList(),
        message.hasMetadata() ? rawJson(message.getMetadata()) : null,
        null);
  }

  PushNotificationConfig pushConfig(TaskPushNotificationConfig config) {
    AuthenticationInfo auth = config.hasAuthentication() ? config.getAuthentication() : null;
    return new PushNotificationConfig(
        emptyToNull(config.getId()),
        config.getUrl(),
        emptyToNull(config.getToken()),
        auth == null
            ? null
            : new PushNotificationAuthenticationInfo(
                List.of(auth.getScheme()), emptyToNull(auth.getCredentials())));
  }

  io.agentmetrics.a2a.dto.@Nullable TaskState state(TaskState state) {
    return switch (state) {
      case TASK_STATE_SUBMITTED -> io.agentmetrics.a2a.dto.TaskState.SUBMITTED;
      case TASK_STATE_WORKING -> io.agentmetrics.a2a.dto.TaskState.WORKING;
      case TASK_STATE_COMPLETED -> io.agentmetrics.a2a.dto.TaskState.COMPLETED;
      case TASK_STATE_FAILED -> io.agentmetrics.a2a.dto.TaskState.FAILED;
      case TASK_STATE_CANCELED -> io.agentmetrics.a2a.dto.TaskState.CANCELED;
      case TASK_STATE_INPUT_REQUIRED -> io.agentmetrics.a2a.dto.TaskState.INPUT_REQUIRED;
      case TASK_STATE_REJECTED -> io.agentmetrics.a2a.dto.TaskState.REJECTED;
      case TASK_STATE_AUTH_REQUIRED -> io.agentmetrics.a2a.dto.TaskState.AUTH_REQUIRED;
      case TASK_STATE_UNSPECIFIED, UNRECOGNIZED -> null;
    };
  }

  private io.agentmetrics.a2a.dto.Part part(Part part, String path) {
    RawJson metadata = part.hasMetadata() ? rawJson(part.getMetadata()) : null;
    String name = emptyToNull(part.getFilename());
    String mediaType = emptyToNull(part.getMediaType());
    return switch (part.getContentCase()) {
      case TEXT ->
          new io.agentmetrics.a2a.dto.Part(
              io.agentmetrics.a2a.dto.Part.TEXT, part.getText(), null, null, metadata);
      case DATA ->
          new io.agentmetrics.a2a.dto.Part(
              io.agentmetrics.a2a.dto.Part.DATA, null, rawJson(part.getData()), null, metadata);
      case RAW ->
          new io.agentmetrics.a2a.dto.Part(
              io.agentmetrics.a2a.dto.Part.FILE,
              null,
              null,
              new FileContent(
                  name,
                  mediaType,
                  Base64.getEncoder().encodeToString(part.getRaw().toByteArray()),
                  null),
              metadata);
      case URL ->
          new io.agentmetrics.a2a.dto.Part(
              io.agentmetrics.a2a.dto.Part.FILE,
              null,
              null,
              new FileContent(name, mediaType, null, part.getUrl()),
              metadata);
      case CONTENT_NOT_SET ->
          throw new A2aException(
              A2aError.INVALID_PARAMS,
              "Invalid params: " + path + " needs one of text, raw, url or data",
              Map.of("field", path));
    };
  }

  // ---- from the model onto the wire

  Task task(io.agentmetrics.a2a.dto.Task task) {
    Task.Builder wire =
        Task.newBuilder()
            .setId(task.id())
            .setContextId(task.contextId())
            .setStatus(status(task.status()));
    for (io.agentmetrics.a2a.dto.Message message : task.history()) {
      wire.addHistory(message(message));
    }
    for (io.agentmetrics.a2a.dto.Artifact artifact : task.artifacts()) {
      wire.addArtifacts(artifact(artifact));
    }
    return wire.build();
  }

  Message message(io.agentmetrics.a2a.dto.Message message) {
    Message.Builder wire =
        Message.newBuilder()
            .setMessageId(message.messageId())
            .setRole(
                io.agentmetrics.a2a.dto.Message.ROLE_AGENT.equals(message.role())
                    ? Role.ROLE_AGENT
                    : Role.ROLE_USER);
    if (message.contextId() != null) {
      wire.setContextId(message.contextId());
    }
    if (message.taskId() != null) {
      wire.setTaskId(message.taskId());
    }
    if (message.referenceTaskIds() != null) {
      wire.addAllReferenceTaskIds(message.referenceTaskIds());
    }
    Struct metadata = struct(message.metadata());
    if (metadata != null) {
      wire.setMetadata(metadata);
    }
    for (io.agentmetrics.a2a.dto.Part part : message.parts()) {
      wire.addParts(part(part));
    }
    return wire.build();
  }

  StreamResponse event(Object event) {
    if (event instanceof io.agentmetrics.a2a.dto.Task task) {
      return StreamResponse.newBuilder().setTask(task(task)).build();
    }
    if (event instanceof io.agentmetrics.a2a.dto.TaskStatusUpdateEvent update) {
      return StreamResponse.newBuilder()
          .setStatusUpdate(
              TaskStatusUpdateEvent.newBuilder()
                  .setTaskId(update.taskId())
                  .setContextId(update.contextId())
                  .setStatus(status(update.status())))
          .build();
    }
    if (event instanceof io.agentmetrics.a2a.dto.TaskArtifactUpdateEvent update) {
      return StreamResponse.newBuilder()
          .setArtifactUpdate(
              TaskArtifactUpdateEvent.newBuilder()
                  .setTaskId(update.taskId())
                  .setContextId(update.contextId())
                  .setArtifact(artifact(update.artifact()))
                  .setAppend(update.append())
                  .setLastChunk(update.lastChunk()))
          .build();
    }
    throw new IllegalArgumentException("not a task event: " + event.getClass().getName());
  }

  TaskPushNotificationConfig pushConfig(String taskId, PushNotificationConfig config) {
    TaskPushNotificationConfig.Builder wire =
        TaskPushNotificationConfig.newBuilder().setTaskId(taskId).setUrl(config.url());
    if (config.id() != null) {
      wire.setId(config.id());
    }
    if (config.token() != null) {
      wire.setToken(config.token());
    }
    PushNotificationAuthenticationInfo auth = config.authentication();
    if (auth != null) {
      AuthenticationInfo.Builder info =
          AuthenticationInfo.newBuilder().setScheme(auth.schemes().get(0));
      if (auth.credentials() != null) {
        info.setCredentials(auth.credentials());
      }
      wire.setAuthentication(info);
    }
    return wire.build();
  }

  private TaskStatus status(io.agentmetrics.a2a.dto.TaskStatus status) {
    TaskStatus.Builder wire =
        TaskStatus.newBuilder()
            .setState(state(status.state()))
            .setTimestamp(timestamp(Instant.parse(status.timestamp())));
    if (status.message() != null) {
      wire.setMessage(message(status.message()));
    }
    return wire.build();
  }

  static TaskState state(io.agentmetrics.a2a.dto.TaskState state) {
    return switch (state) {
      case SUBMITTED -> TaskState.TASK_STATE_SUBMITTED;
      case WORKING -> TaskState.TASK_STATE_WORKING;
      case INPUT_REQUIRED -> TaskState.TASK_STATE_INPUT_REQUIRED;
      case COMPLETED -> TaskState.TASK_STATE_COMPLETED;
      case CANCELED -> TaskState.TASK_STATE_CANCELED;
      case FAILED -> TaskState.TASK_STATE_FAILED;
      case REJECTED -> TaskState.TASK_STATE_REJECTED;
      case AUTH_REQUIRED -> TaskState.TASK_STATE_AUTH_REQUIRED;
      case UNKNOWN -> TaskState.TASK_STATE_UNSPECIFIED;
    };
  }

  /** Millisecond precision, as section 5.6.1 asks: {@code 2026-03-12T10:30:00.123Z}. */
  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos((int) (instant.getNano() / NANOS_PER_MILLI * NANOS_PER_MILLI))
        .build();
  }

  private Artifact artifact(io.agentmetrics.a2a.dto.Artifact artifact) {
    Artifact.Builder wire = Artifact.newBuilder().setArtifactId(artifact.artifactId());
    if (artifact.name() != null) {
      wire.setName(artifact.name());
    }
    for (io.agentmetrics.a2a.dto.Part part : artifact.parts()) {
      wire.addParts(part(part));
    }
    return wire.build();
  }

  private Part part(io.agentmetrics.a2a.dto.Part part) {
    Part.Builder wire = Part.newBuilder();
    Struct metadata = struct(part.metadata());
    if (metadata != null) {
      wire.setMetadata(metadata);
    }
    switch (part.kind()) {
      case io.agentmetrics.a2a.dto.Part.TEXT -> wire.setText(part.text());
      case io.agentmetrics.a2a.dto.Part.DATA -> wire.setData(value(part.data()));
      default -> {
        FileContent file = requireNonNull(part.file(), "a file part's file");
        if (file.name() != null) {
          wire.setFilename(file.name());
        }
        if (file.mimeType() != null) {
          wire.setMediaType(file.mimeType());
        }
        if (file.bytes() != null) {
          wire.setRaw(ByteString.copyFrom(Base64.getMimeDecoder().decode(file.bytes())));
        } else {
          wire.setUrl(file.uri());
        }
      }
    }
    return wire.build();
  }

  // ---- free-form values: google.protobuf.Value and Struct <-> RawJson

  private static RawJson rawJson(MessageOrBuilder value) {
    try {
      return new RawJson(VALUE_PRINTER.print(value));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a Value or Struct always prints as JSON", e);
    }
  }

  private static Value value(@Nullable RawJson data) {
    Value.Builder value = Value.newBuilder();
    if (data == null) {
      return value.setNullValue(NullValue.NULL_VALUE).build();
    }
    return merge(data.json(), value) && printable(value.build())
        ? value.build()
        : Value.newBuilder().setStringValue(data.json()).build();
  }

  /**
   * The metadata as a Struct, or {@code null} when there is none, it is empty, not an object, or
   * holds a number ProtoJSON cannot print.
   */
  private static @Nullable Struct struct(@Nullable RawJson metadata) {
    if (metadata == null || !metadata.json().startsWith("{")) {
      return null;
    }
    Struct.Builder struct = Struct.newBuilder();
    return merge(metadata.json(), struct)
            && struct.getFieldsCount() > 0
            && struct.getFieldsMap().values().stream().allMatch(WireMapping::printable)
        ? struct.build()
        : null;
  }

  /** Whether ProtoJSON can print {@code value}: every number in it is finite. */
  private static boolean printable(Value value) {
    return switch (value.getKindCase()) {
      case NUMBER_VALUE -> Double.isFinite(value.getNumberValue());
      case STRUCT_VALUE ->
          value.getStructValue().getFieldsMap().values().stream().allMatch(WireMapping::printable);
      case LIST_VALUE ->
          value.getListValue().getValuesList().stream().allMatch(WireMapping::printable);
      default -> true;
    };
  }

  /** Whether {@code json} was read into {@code builder}. */
  private static boolean merge(String json, com.google.protobuf.Message.Builder builder) {
    try {
      VALUES.merge(json, builder);
      return true;
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      builder.clear();
      return false;
    }
  }

  private static @Nullable String emptyToNull(String value) {
    return value.isEmpty() ? null : value;
  }
}
