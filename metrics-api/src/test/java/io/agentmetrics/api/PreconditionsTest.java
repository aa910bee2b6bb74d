package io.agentmetrics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PreconditionsTest {

  @Test
  void eachCheckReturnsTheBoundaryValueItAccepts() {
    assertThat(Preconditions.finite(-Double.MAX_VALUE, "x")).isEqualTo(-Double.MAX_VALUE);
    assertThat(Preconditions.nonNegative(0.0, "x")).isEqualTo(0.0);
    assertThat(Preconditions.positive(Double.MIN_VALUE, "x")).isEqualTo(Double.MIN_VALUE);
    assertThat(Preconditions.nonNegative(0, "x")).isZero();
    assertThat(Preconditions.nonNegative(0L, "x")).isZero();
    assertThat(Preconditions.atLeast(2, 2, "x")).isEqualTo(2);
    assertThat(Preconditions.atLeast(Long.MIN_VALUE, Long.MIN_VALUE, "x"))
        .isEqualTo(Long.MIN_VALUE);
    assertThat(Preconditions.positive(Duration.ofNanos(1), "x")).isEqualTo(Duration.ofNanos(1));
    assertThat(Preconditions.nonNegative(Duration.ZERO, "x")).isEqualTo(Duration.ZERO);
    assertThat(Preconditions.notBlank(" a ", "x")).isEqualTo(" a ");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void aRejectedValueThrowsNamingTheFieldTheRuleAndTheValue(
      String message, Consumer<String> check) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> check.accept("field"))
        .withMessage(message);
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        rejected("field must be finite, got NaN", f -> Preconditions.finite(Double.NaN, f)),
        rejected(
            "field must be finite, got -Infinity",
            f -> Preconditions.finite(Double.NEGATIVE_INFINITY, f)),
        rejected(
            "field must be a finite, non-negative number, got -0.5",
            f -> Preconditions.nonNegative(-0.5, f)),
        rejected(
            "field must be a finite, non-negative number, got NaN",
            f -> Preconditions.nonNegative(Double.NaN, f)),
        rejected(
            "field must be a finite, non-negative number, got Infinity",
            f -> Preconditions.nonNegative(Double.POSITIVE_INFINITY, f)),
        rejected(
            "field must be a finite, positive number, got 0.0",
            f -> Preconditions.positive(0.0, f)),
        rejected(
            "field must be a finite, positive number, got NaN",
            f -> Preconditions.positive(Double.NaN, f)),
        rejected(
            "field must be a finite, positive number, got Infinity",
            f -> Preconditions.positive(Double.POSITIVE_INFINITY, f)),
        rejected("field must not be negative, got -1", f -> Preconditions.nonNegative(-1, f)),
        rejected(
            "field must not be negative, got -9223372036854775808",
            f -> Preconditions.nonNegative(Long.MIN_VALUE, f)),
        rejected("field must be at least 2, got 1", f -> Preconditions.atLeast(1, 2, f)),
        rejected("field must be at least 5, got 4", f -> Preconditions.atLeast(4L, 5L, f)),
        rejected("field must be positive, got PT0S", f -> Preconditions.positive(Duration.ZERO, f)),
        rejected(
            "field must be positive, got PT-0.001S",
            f -> Preconditions.positive(Duration.ofMillis(-1), f)),
        rejected(
            "field must not be negative, got PT-0.000000001S",
            f -> Preconditions.nonNegative(Duration.ofNanos(-1), f)),
        rejected("field must not be blank", f -> Preconditions.notBlank("", f)),
        rejected("field must not be blank", f -> Preconditions.notBlank(" \t\n", f)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nullChecks")
  void aNullReferenceThrowsNullPointerExceptionNamingTheField(String check, Consumer<String> call) {
    assertThatNullPointerException().isThrownBy(() -> call.accept("field")).withMessage("field");
  }

  @SuppressWarnings("NullAway") // null is what these calls test
  static Stream<Arguments> nullChecks() {
    return Stream.of(
        Arguments.of("positive(Duration)", (Consumer<String>) f -> Preconditions.positive(null, f)),
        Arguments.of(
            "nonNegative(Duration)",
            (Consumer<String>) f -> Preconditions.nonNegative((Duration) null, f)),
        Arguments.of("notBlank", (Consumer<String>) f -> Preconditions.notBlank(null, f)));
  }

  private static Arguments rejected(String message, Consumer<String> check) {
    return Arguments.of(message, check);
  }
}
