package org.ddpm4j.flink.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BatchPlanTest {
  @Test
  void batchesAreFixedRangesWithAShortLastOne() {
    BatchPlan plan = new BatchPlan(50, 8);
    assertEquals(7, plan.batches());
    assertArrayEquals(new long[] {16, 17, 18, 19, 20, 21, 22, 23}, plan.indices(2));
    assertArrayEquals(new long[] {48, 49}, plan.indices(6));
    assertEquals(6, plan.batchOf(49));
    assertEquals(0, plan.batchOf(7));
  }

  @Test
  void everyIndexIsInExactlyOneBatch() {
    BatchPlan plan = new BatchPlan(1000, 32);
    long next = 0;
    for (int k = 0; k < plan.batches(); k++) {
      for (long i : plan.indices(k)) {
        assertEquals(next++, i);
        assertEquals(k, plan.batchOf(i));
      }
    }
    assertEquals(1000, next);
  }

  @Test
  void rejectsBadSizesAndIndices() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new BatchPlan(0, 8)).getMessage().contains("n"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new BatchPlan(5, 0)).getMessage()
        .contains("batch size"));
    BatchPlan plan = new BatchPlan(10, 4);
    assertThrows(IllegalArgumentException.class, () -> plan.indices(3));
    assertThrows(IllegalArgumentException.class, () -> plan.batchOf(10));
  }
}
