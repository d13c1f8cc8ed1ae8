package fr.catalyse.platform;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * « Now » for the programme's records, deadlines and limits: the engine's clock, which due dates and
 * timers read too, so a test or a rehearsal that moves it moves everything. The engine exposes it only
 * through an internal class (listed in docs/engine-internals.md); this is its one reader for « now ».
 */
public final class EngineClock {

  private EngineClock() {
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
