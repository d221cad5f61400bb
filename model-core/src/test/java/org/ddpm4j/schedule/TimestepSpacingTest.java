package org.ddpm4j.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Expected values follow diffusers v0.21.4's formulas (and the golden README's examples); the golden timestep arrays
 * themselves are compared in the sampler tests and the conformance cases.
 */
class TimestepSpacingTest {

  private static int[] descending(int from, int step, int count) {
    return IntStream.range(0, count).map(i -> from - i * step).toArray();
  }

  @Test
  void leadingNeverVisitsTheLastTrainingStep() {
    assertArrayEquals(descending(900, 100, 10), TimestepSpacing.LEADING.timesteps(1000, 10, 0));
    assertArrayEquals(descending(901, 100, 10), TimestepSpacing.LEADING.timesteps(1000, 10, 1));
    // 1000 // 3 = 333
    assertArrayEquals(new int[] {666, 333, 0}, TimestepSpacing.LEADING.timesteps(1000, 3, 0));
    assertArrayEquals(descending(999, 1, 1000), TimestepSpacing.LEADING.timesteps(1000, 1000, 0));
  }

  @Test
  void trailingEndsOneBelowEachStride() {
    assertArrayEquals(descending(999, 100, 10), TimestepSpacing.TRAILING.timesteps(1000, 10, 0));
    // round(arange(1000, 0, -333.33)) - 1 = [999, 666, 332]
    assertArrayEquals(new int[] {999, 666, 332}, TimestepSpacing.TRAILING.timesteps(1000, 3, 0));
  }

  @Test
  void linspaceRoundsHalfToEven() {
    assertArrayEquals(new int[] {999, 888, 777, 666, 555, 444, 333, 222, 111, 0},
        TimestepSpacing.LINSPACE.timesteps(1000, 10, 0));
    // linspace(0, 999, 3) = [0, 499.5, 999]: 499.5 rounds to 500
    assertArrayEquals(new int[] {999, 500, 0}, TimestepSpacing.LINSPACE.timesteps(1000, 3, 0));
    assertArrayEquals(new int[] {0}, TimestepSpacing.LINSPACE.timesteps(1000, 1, 0));
  }

  @Test
  void trailingStepCountsWhereNumpyYieldsTimestepMinusOneAreRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TimestepSpacing.TRAILING.timesteps(1000, 61, 0));
    assertTrue(e.getMessage().contains("61 steps with trailing spacing"), e.getMessage());
  }

  @Test
  void stepCountsOutsideOneToTAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> TimestepSpacing.LEADING.timesteps(1000, 0, 0));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TimestepSpacing.LEADING.timesteps(1000, 1001, 0));
    assertTrue(e.getMessage().contains("1001 is outside 1..1000"), e.getMessage());
    // steps_offset pushes the first of 1000 leading timesteps to 1000
    assertThrows(IllegalArgumentException.class, () -> TimestepSpacing.LEADING.timesteps(1000, 1000, 1));
  }

  @Test
  void solverTimestepsDropTheFinalZero() {
    assertArrayEquals(new int[] {999, 899, 799, 699, 599, 500, 400, 300, 200, 100},
        TimestepSpacing.LINSPACE.solverTimesteps(1000, 1000, 10, 0));
    // 1000 // 11 = 90
    assertArrayEquals(descending(900, 90, 10), TimestepSpacing.LEADING.solverTimesteps(1000, 1000, 10, 0));
    assertArrayEquals(descending(999, 100, 10), TimestepSpacing.TRAILING.solverTimesteps(1000, 1000, 10, 0));
    // lambda clipping lowers the top: linspace(0, 899, 11)
    assertEquals(899, TimestepSpacing.LINSPACE.solverTimesteps(1000, 900, 10, 0)[0]);
  }

  @Test
  void solverTimestepsDropRepeats() {
    int[] ts = TimestepSpacing.LINSPACE.solverTimesteps(1000, 1000, 1000, 0);
    // numpy: len(unique(linspace(0, 999, 1001).round()[::-1][:-1])) = 999
    assertEquals(999, ts.length);
    for (int i = 1; i < ts.length; i++) {
      assertTrue(ts[i] < ts[i - 1], "strictly descending at " + i);
    }
  }
}
