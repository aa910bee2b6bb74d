package io.agentmetrics.a2a.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.lf.a2a.v1.ListTasksResponse;
import com.google.lf.a2a.v1.Message;
import com.google.lf.a2a.v1.Part;
import com.google.lf.a2a.v1.Role;
import com.google.lf.a2a.v1.SendMessageRequest;
import com.google.lf.a2a.v1.Task;
import com.google.lf.a2a.v1.TaskState;
import com.google.lf.a2a.v1.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The proto's REQUIRED annotations, read from its descriptors, on requests and responses. */
class RequiredFieldsTest {

  private static final Message COMPLETE =
      Message.newBuilder()
          .setMessageId("m-1")
          .setRole(Role.ROLE_USER)
          .addParts(Part.newBuilder().setText("hi"))
          .build();

  @ParameterizedTest
  @CsvSource({"messageId, message.messageId", "role, message.role", "parts, message.parts"})
  void aMissingRequiredFieldIsNamedByItsPath(String field, String path) {
    Message.Builder message = COMPLETE.toBuilder();
    message.clearField(Message.getDescriptor().findFieldByName(snake(field)));

    assertThat(
            RequiredFields.firstMissing(
                SendMessageRequest.newBuilder().setMessage(message).build()))
        .contains(path);
  }

  @Test
  void aCompleteRequestHasNoMissingField() {
    assertThat(RequiredFields.firstMissing(SendMessageRequest.newBuilder().setMessage(COMPLETE)))
        .isEmpty();
  }

  @Test
  void aRequestWithoutItsMessageIsRefusedAsInvalidParams() {
    assertThatThrownBy(() -> ProtoJson.read("{}", SendMessageRequest.newBuilder()))
        .isInstanceOfSatisfying(
            A2aException.class,
            e -> {
              assertThat(e.error()).isEqualTo(A2aError.INVALID_PARAMS);
              assertThat(e.getMessage()).contains("message is required");
            });
  }

  @Test
  void readingIgnoresUnknownFieldsAndAcceptsProtoNames() {
    SendMessageRequest request =
        ProtoJson.read(
            "{\"message\":{\"message_id\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"x\"}],"
                + "\"kind\":\"message\"},\"futureField\":1}",
            SendMessageRequest.newBuilder());

    assertThat(request.getMessage().getMessageId()).isEqualTo("m");
  }

  @Test
  void writingKeepsRequiredFieldsThatHoldTheirDefault() {
    String json =
        ProtoJson.write(ListTasksResponse.newBuilder().setPageSize(50).setTotalSize(0).build());

    assertThat(json).contains("\"nextPageToken\":\"\"").contains("\"tasks\":[]");
  }

  @Test
  void writingOmitsOptionalFieldsThatHoldTheirDefault() {
    String json =
        ProtoJson.write(
            Task.newBuilder()
                .setId("t")
                .setStatus(TaskStatus.newBuilder().setState(TaskState.TASK_STATE_WORKING))
                .build());

    assertThat(json)
        .doesNotContain("history")
        .doesNotContain("artifacts")
        .contains("TASK_STATE_WORKING");
  }

  private static String snake(String camel) {
    return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
  }
}
