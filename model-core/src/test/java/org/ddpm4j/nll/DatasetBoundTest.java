package org.ddpm4j.nll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Path;
import org.ddpm4j.image.Uint8Images;
import org.ddpm4j.schedule.SchedulerConfig;
import org.ddpm4j.train.data.Uint8Dataset;
import org.ddpm4j.unet.UNet2DModel;
import org.ddpm4j.unet.UNetConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DatasetBoundTest {
  static UNet2DModel model;
  static final SchedulerConfig SCHEDULER = SchedulerConfig.parse(
      "{\"num_train_timesteps\": 40, \"beta_start\": 0.001, \"beta_end\": 0.2, \"variance_type\": \"fixed_small\"}",
      "test");
  static Uint8Dataset data;

  @BeforeAll
  static void setUp() {
    model = UNet2DModel.create(UNetConfig.fromJson(JsonParser.parseString("""
        {"_class_name": "UNet2DModel", "sample_size": 8, "in_channels": 1, "out_channels": 1,
         "block_out_channels": [16, 32], "layers_per_block": 1, "norm_num_groups": 4,
         "down_block_types": ["DownBlock2D", "AttnDownBlock2D"], "up_block_types": ["AttnUpBlock2D", "UpBlock2D"]}
        """).getAsJsonObject(), "test"), 5);
    byte[] pixels = new byte[5 * 64];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i * 53 % 256);
    }
    data = new Uint8Dataset(new Uint8Images(5, 8, 8, 1, pixels), null, Path.of("pixels"));
  }

  @AfterAll
  static void tearDown() {
    model.close();
  }

  @Test
  void theBoundOfAnImageDoesNotDependOnTheBatchAndTheTermsAddUp() {
    BoundConfig config = DatasetBound.configOf(SCHEDULER);
    assertEquals(ModelVariance.FIXED_SMALL, config.variance());
    BoundSummary byFive = new DatasetBound(config, 5, 3).evaluate(model, SCHEDULER, data, 5, k -> { });
    BoundSummary byTwo = new DatasetBound(config, 2, 3).evaluate(model, SCHEDULER, data, 5, k -> { });
    assertEquals(5, byFive.n());
    assertEquals(byFive.total(), byTwo.total(), 1e-5 * byFive.total());
    assertEquals(byFive.totalStdErr(), byTwo.totalStdErr(), 1e-4 * byFive.totalStdErr());
    double sum = byFive.prior();
    for (double term : byFive.perTimestep()) {
      sum += term;
    }
    assertEquals(byFive.total(), sum, 1e-9 * sum);
    assertEquals(byFive.decoder(), byFive.perTimestep()[0], 0.0);
    assertEquals(byFive.total(), byFive.prior() + byFive.decoder() + byFive.klSum(), 1e-9 * sum);
    // an untrained network is far from the data: the bound is well above the 8 bits/dim of a uniform byte model
    assertTrue(byFive.total() > 8, "bits/dim " + byFive.total());
    BoundSummary another = new DatasetBound(config, 5, 4).evaluate(model, SCHEDULER, data, 5, k -> { });
    assertTrue(another.total() != byFive.total(), "another noise seed gives another Monte Carlo estimate");
  }

  @Test
  void progressCountsEveryTimestepOfEveryBatchAndBadCountsAreNamed() {
    long[] calls = {0};
    new DatasetBound(DatasetBound.configOf(SCHEDULER), 2, 0).evaluate(model, SCHEDULER, data, 3, k -> calls[0] = k);
    assertEquals(2 * 40, calls[0]);
    DatasetBound bound = new DatasetBound(DatasetBound.configOf(SCHEDULER), 2, 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> bound.evaluate(model, SCHEDULER, data, 6, k -> { }));
    assertEquals("bound: n = 6 is outside [1, 5] (dataset size)", e.getMessage());
    assertEquals("bound: batch = 0 must be >= 1",
        assertThrows(IllegalArgumentException.class, () -> new DatasetBound(bound.config(), 0, 0)).getMessage());
  }
}
