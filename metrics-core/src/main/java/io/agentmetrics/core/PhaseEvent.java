package io.agentmetrics.core;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A JDK Flight Recorder event spanning one phase or parallel task, so that a recording shows agent
 * phases on the timeline next to GC, I/O and lock events.
 *
 * <p>It is disabled unless a recording enables {@value #NAME}, for example with {@code jcmd <pid>
 * JFR.start settings=agentmetrics.jfc}; the JDK's default and profile settings leave it off, so it
 * costs nothing then. Its start is the phase's start and its end the phase's end; it is recorded on
 * the thread that ended the phase.
 */
@Name(PhaseEvent.NAME)
@Label("Agent Phase")
@Category({"agentmetrics"})
@Description("A phase or parallel task of an agent execution")
@Enabled(false)
@StackTrace(false)
final class PhaseEvent extends Event {

  /** The event name to enable in a recording's settings. */
  static final String NAME = "io.agentmetrics.Phase";

  /**
   * A shared instance used only to ask whether the event type is enabled: {@link #isEnabled()}
   * reads the type's state, so asking through it avoids allocating an event per disabled phase.
   */
  private static final PhaseEvent PROBE = new PhaseEvent();

  @Label("Agent Name")
  String agentName = "";

  @Label("Execution Id")
  String executionId = "";

  @Label("Phase Name")
  String phaseName = "";

  @Label("Category")
  @Description("The breakdown category the phase counts in; empty if uncategorized")
  String category = "";

  @Label("Parallel")
  @Description("Whether the phase was started as a parallel task")
  boolean parallel;

  /** Whether some recording currently enables this event; cheap enough for the hot path. */
  static boolean isTypeEnabled() {
    return PROBE.isEnabled();
  }
}
