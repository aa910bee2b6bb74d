package io.agentmetrics.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StudyPlanWriterTest {

  @ParameterizedTest(name = "''{0}'' -> ''{1}''")
  @CsvSource({
    "'How do I learn linear algebra?', linear algebra",
    "'Create a study plan for organic chemistry', organic chemistry",
    "'Can you help me make a plan to master Kubernetes?', Kubernetes",
    "'I want to learn Spanish!', Spanish",
    "'  Rust   ownership  ', Rust ownership",
    "'Rust\townership\nbasics', Rust ownership basics",
    "'?', your subject"
  })
  void topicIsTheQuestionWithoutItsRequestWording(String question, String topic) {
    assertThat(StudyPlanWriter.topicOf(question)).isEqualTo(topic);
  }

  @Test
  void longQuestionsAreShortenedToATopic() {
    String topic = StudyPlanWriter.topicOf("x".repeat(500));

    assertThat(topic).hasSize(83).endsWith("...");
  }

  @Test
  void planNamesTheTopicInEveryStepAndIsTheSameEveryTime() {
    String plan = StudyPlanWriter.write("How do I learn linear algebra?");

    assertThat(plan)
        .startsWith("Study plan for linear algebra:")
        .contains("1. Week 1", "2. Week 2", "3. Week 3", "4. Week 4");
    assertThat(plan.split("linear algebra", -1)).hasSize(6);
    assertThat(StudyPlanWriter.write("How do I learn linear algebra?")).isEqualTo(plan);
  }

  @Test
  void tokensAreWordsWithTheirTrailingWhitespaceAndJoinBackToTheText() {
    assertThat(StudyPlanWriter.tokens("Study plan:\n1. Read  this"))
        .containsExactly("Study ", "plan:\n", "1. ", "Read  ", "this");
    String plan = StudyPlanWriter.write("Rust");
    assertThat(String.join("", StudyPlanWriter.tokens(plan))).isEqualTo(plan);
  }

  @Test
  void tokenCountCountsTheTokensWithoutSplitting() {
    for (String text :
        new String[] {"", " ", "word", "  leading", "Study plan:\n1. Read  this", "trailing  "}) {
      assertThat(StudyPlanWriter.tokenCount(text))
          .as("tokens of '%s'", text)
          .isEqualTo(StudyPlanWriter.tokens(text).size());
    }
    assertThat(StudyPlanWriter.tokenCount("Study plan:\n1. Read  this")).isEqualTo(5);
  }
}
