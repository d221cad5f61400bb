package org.ddpm4j.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ddpm4j.schedule.SchedulerConfig;
import org.junit.jupiter.api.Test;

class SamplerFactoryTest {
  private final SchedulerConfig config = SchedulerConfig.defaults();

  @Test
  void makesAFreshSamplerOfTheKindWithItsTimestepsSet() {
    Sampler ddpm = SamplerFactory.create(new SamplerSettings(SamplerKind.DDPM, 1000, 0), config);
    assertInstanceOf(DdpmSampler.class, ddpm);
    assertEquals(1000, ddpm.timesteps().length);
    Sampler ddim = SamplerFactory.create(new SamplerSettings(SamplerKind.DDIM, 50, 0.5), config);
    assertInstanceOf(DdimSampler.class, ddim);
    assertEquals(980, ddim.timesteps()[0]);
    try (Sampler dpm = SamplerFactory.create(new SamplerSettings(SamplerKind.DPMPP, 20, 0), config)) {
      assertInstanceOf(DpmSolverPlusPlusSampler.class, dpm);
      assertEquals(20, dpm.timesteps().length);
    }
    assertNotSame(ddim, SamplerFactory.create(new SamplerSettings(SamplerKind.DDIM, 50, 0.5), config));
  }

  @Test
  void stepsAboveTheTrainingTimestepsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SamplerFactory.create(new SamplerSettings(SamplerKind.DDIM, 1001, 0), config));
    assertTrue(e.getMessage().contains("steps = 1001 exceeds num_train_timesteps = 1000"), e.getMessage());
  }
}
