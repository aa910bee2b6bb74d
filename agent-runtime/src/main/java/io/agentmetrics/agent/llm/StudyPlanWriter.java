package io.agentmetrics.agent.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the simulated model's answer: a short study plan built from the question, the same plan
 * for the same question every time.
 */
final class StudyPlanWriter {

  /** Openings that say "I want to learn" rather than naming the topic. */
  private static final Pattern REQUEST_PREAMBLE =
      Pattern.compile(
          "^(?:please\\s+)?(?:(?:can|could|would)\\s+you\\s+)?"
              + "(?:(?:help\\s+me\\s+)?(?:make|create|write|build|give\\s+me|draft)\\s+)?"
              + "(?:an?\\s+)?(?:study\\s+plan|plan|schedule|roadmap)?\\s*"
              + "(?:(?:for|to|on|about)\\s+)?"
              + "(?:(?:how\\s+(?:do|can|should)\\s+i|i\\s+(?:want|need|would\\s+like)\\s+to|help\\s+me)\\s+)?"
              + "(?:learn(?:ing)?|study(?:ing)?|master(?:ing)?|understand(?:ing)?|prepare\\s+for)?\\s*",
          Pattern.CASE_INSENSITIVE);

  /** Whitespace that is not already a single space: the topic has single spaces only. */
  private static final Pattern WHITESPACE_TO_COLLAPSE = Pattern.compile("\\s{2,}|[\\s&&[^ ]]");

  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[?!.]+$");

  private static final int MAX_TOPIC_CHARS = 80;

  /** About how long a streamed piece of a plan is: a word and its space. Sizes the token list. */
  private static final int AVERAGE_TOKEN_CHARS = 6;

  private static final String[] FOCUS = {
    "30 minutes a day", "45 minutes a day", "an hour every other day", "two focused hours a week"
  };

  private StudyPlanWriter() {}

  /** The plan for {@code question}. */
  static String write(String question) {
    String topic = topicOf(question);
    String pace = FOCUS[Math.floorMod(topic.toLowerCase(Locale.ROOT).hashCode(), FOCUS.length)];
    return "Study plan for "
        + topic
        + ":\n"
        + "1. Week 1, foundations: read a good introduction to "
        + topic
        + " and list its core terms.\n"
        + "2. Week 2, practice: work through exercises on "
        + topic
        + " for "
        + pace
        + ".\n"
        + "3. Week 3, application: build something small that uses "
        + topic
        + ".\n"
        + "4. Week 4, review: explain "
        + topic
        + " to someone else, then revisit the parts that felt weak.\n"
        + "Tip: study at the same time each day and keep notes of open questions.";
  }

  /** The topic of a question: the question without its request wording and punctuation. */
  static String topicOf(String question) {
    // Neither step copies a question that has nothing to change.
    String text = WHITESPACE_TO_COLLAPSE.matcher(question.strip()).replaceAll(" ");
    Matcher preamble = REQUEST_PREAMBLE.matcher(text);
    text = preamble.lookingAt() ? text.substring(preamble.end()) : text;
    text = TRAILING_PUNCTUATION.matcher(text).replaceFirst("").strip();
    if (text.length() > MAX_TOPIC_CHARS) {
      // A pasted essay is not a topic; the plan quotes its start.
      text = text.substring(0, MAX_TOPIC_CHARS).strip() + "...";
    }
    return text.isEmpty() ? "your subject" : text;
  }

  /** Splits text into the pieces the simulated model streams: words with their trailing space. */
  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>(text.length() / AVERAGE_TOKEN_CHARS + 1);
    int start = 0;
    for (int i = 1; i <= text.length(); i++) {
      if (endsToken(text, i)) {
        tokens.add(text.substring(start, i));
        start = i;
      }
    }
    return tokens;
  }

  /** The number of {@link #tokens} in {@code text}, without splitting it. */
  static int tokenCount(String text) {
    int count = 0;
    for (int i = 1; i <= text.length(); i++) {
      if (endsToken(text, i)) {
        count++;
      }
    }
    return count;
  }

  /** Whether a token ends before index {@code i}: at the end, or where a word follows spaces. */
  private static boolean endsToken(String text, int i) {
    return i == text.length()
        || (Character.isWhitespace(text.charAt(i - 1)) && !Character.isWhitespace(text.charAt(i)));
  }
}
