package io.agentmetrics.a2a.v1;

import com.google.api.FieldBehavior;
import com.google.api.FieldBehaviorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MessageOrBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforces the {@code (google.api.field_behavior) = REQUIRED} annotations of the specification's
 * proto (section 5.7): a required field must be set (a string non-empty, an enum not {@code
 * *_UNSPECIFIED}, a message present) and a required repeated field must hold at least one element.
 * Set sub-messages are checked recursively. The rules come from the proto's descriptors, so a field
 * a new version of {@code a2a.proto} marks required is enforced without a code change.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class RequiredFields {

  private static final Map<Descriptor, List<FieldDescriptor>> REQUIRED = new ConcurrentHashMap<>();

  private RequiredFields() {}

  /**
   * The first required field that is missing, as a dotted path from {@code message}.
   *
   * @param message the message to check
   * @return the path, such as {@code message.parts}, or empty when every required field is set
   * @since 0.1.0
   */
  public static Optional<String> firstMissing(MessageOrBuilder message) {
    return firstMissing(message, "");
  }

  /**
   * The fields of {@code type} that the proto marks {@code REQUIRED}.
   *
   * @param type a message type
   * @return its required fields, possibly none
   * @since 0.1.0
   */
  public static List<FieldDescriptor> of(Descriptor type) {
    return REQUIRED.computeIfAbsent(type, RequiredFields::find);
  }

  /** Every field of every message type reachable from {@code root} that is marked REQUIRED. */
  static Set<FieldDescriptor> reachableFrom(Descriptor root) {
    Set<FieldDescriptor> all = new java.util.HashSet<>();
    collect(root, all, new java.util.HashSet<>());
    return all;
  }

  private static void collect(Descriptor type, Set<FieldDescriptor> out, Set<Descriptor> seen) {
    if (!seen.add(type)) {
      return;
    }
    out.addAll(of(type));
    for (FieldDescriptor field : type.getFields()) {
      if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        collect(field.getMessageType(), out, seen);
      }
    }
  }

  private static List<FieldDescriptor> find(Descriptor type) {
    List<FieldDescriptor> required = new ArrayList<>();
    for (FieldDescriptor field : type.getFields()) {
      if (field
          .getOptions()
          .getExtension(FieldBehaviorProto.fieldBehavior)
          .contains(FieldBehavior.REQUIRED)) {
        required.add(field);
      }
    }
    return List.copyOf(required);
  }

  private static Optional<String> firstMissing(MessageOrBuilder message, String prefix) {
    for (FieldDescriptor field : of(message.getDescriptorForType())) {
      if (!isSet(message, field)) {
        return Optional.of(prefix + field.getJsonName());
      }
    }
    for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
      FieldDescriptor field = entry.getKey();
      if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE || field.isMapField()) {
        continue;
      }
      String path = prefix + field.getJsonName();
      if (field.isRepeated()) {
        List<?> elements = (List<?>) entry.getValue();
        for (int i = 0; i < elements.size(); i++) {
          Optional<String> missing =
              firstMissing((MessageOrBuilder) elements.get(i), path + "[" + i + "].");
          if (missing.isPresent()) {
            return missing;
          }
        }
      } else {
        Optional<String> missing = firstMissing((MessageOrBuilder) entry.getValue(), path + ".");
        if (missing.isPresent()) {
          return missing;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isSet(MessageOrBuilder message, FieldDescriptor field) {
    if (field.isRepeated()) {
      return message.getRepeatedFieldCount(field) > 0;
    }
    if (field.hasPresence()) {
      return message.hasField(field);
    }
    Object value = message.getField(field);
    return !value.equals(field.getDefaultValue());
  }
}
