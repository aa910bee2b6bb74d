package io.agentmetrics.agent.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class DaemonThreadFactoryTest {

  @Test
  void threadsAreDaemonsNumberedFromOneAfterThePrefix() {
    DaemonThreadFactory factory = new DaemonThreadFactory("agentmetrics-test");
    Runnable work = () -> {};

    Thread first = factory.newThread(work);
    Thread second = factory.newThread(work);

    assertThat(first.isDaemon()).isTrue();
    assertThat(second.isDaemon()).isTrue();
    assertThat(first.getName()).isEqualTo("agentmetrics-test-1");
    assertThat(second.getName()).isEqualTo("agentmetrics-test-2");
    assertThat(first.getState()).isEqualTo(Thread.State.NEW);
  }

  @Test
  void blankOrNullPrefixIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new DaemonThreadFactory(" "))
        .withMessage("prefix must not be blank");
    assertThatNullPointerException()
        .isThrownBy(() -> new DaemonThreadFactory(null))
        .withMessage("prefix");
  }
}
