package org.ddpm4j.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class SimpleLossTest {

  @Test
  void isTheMeanSquaredErrorOverAllElements() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray eps = m.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
      NDArray pred = m.create(new float[] {1, 0, 4, 1}, new Shape(2, 2));
      NDArray loss = SimpleLoss.of(eps, pred);
      assertEquals(new Shape(), loss.getShape());
      assertEquals((0 + 4 + 1 + 9) / 4f, loss.getFloat());
    }
  }

  @Test
  void rejectsDifferentShapes() {
    try (NDManager m = NDManager.newBaseManager()) {
      assertThrows(IllegalArgumentException.class,
          () -> SimpleLoss.of(m.zeros(new Shape(2, 2)), m.zeros(new Shape(4))));
    }
  }
}
