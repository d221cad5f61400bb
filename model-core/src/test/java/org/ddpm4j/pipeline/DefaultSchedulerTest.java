package org.ddpm4j.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ddpm4j.schedule.BetaSchedule;
import org.ddpm4j.schedule.SchedulerConfig;
import org.ddpm4j.schedule.VarianceType;
import org.junit.jupiter.api.Test;

class DefaultSchedulerTest {
  @Test
  void theWrittenFileMeansWhatAFolderWithoutOneMeans() {
    SchedulerConfig parsed = SchedulerConfig.fromJson(DefaultScheduler.json(), "default");
    assertEquals(DefaultScheduler.config(), parsed);
  }

  @Test
  void itIsTheDdpmPaperSchedule() {
    SchedulerConfig c = DefaultScheduler.config();
    assertEquals(1000, c.numTrainTimesteps());
    assertEquals(BetaSchedule.LINEAR, c.betaSchedule());
    assertEquals(1e-4, c.betaStart());
    assertEquals(0.02, c.betaEnd());
    assertEquals(VarianceType.FIXED_SMALL, c.varianceType());
    assertTrue(c.clipSample());
    assertEquals("DDPMScheduler", DefaultScheduler.json().get("_class_name").getAsString());
  }
}
