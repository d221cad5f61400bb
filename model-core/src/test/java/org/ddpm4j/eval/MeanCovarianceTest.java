package org.ddpm4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ddpm4j.io.CheckpointException;
import org.ddpm4j.io.NpyArray;
import org.ddpm4j.io.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeanCovarianceTest {
  @TempDir
  Path tmp;

  @Test
  void roundTripsThroughNpz() {
    MeanCovariance m = new MeanCovariance(new double[] {1, -2}, new double[] {2, 0.5, 0.5, 3});
    Path f = tmp.resolve("s.npz");
    m.write(f);
    MeanCovariance back = MeanCovariance.read(f);
    assertArrayEquals(m.mu(), back.mu(), 0.0);
    assertArrayEquals(m.sigma(), back.sigma(), 0.0);
  }

  @Test
  void npzWithoutMuOrSigmaOrWithMismatchedDimensionsIsRejectedNamingTheFile() {
    Path noSigma = tmp.resolve("no-sigma.npz");
    Npz.write(noSigma, Map.of("mu", NpyArray.ofDoubles(new long[] {2}, new double[2])));
    var e = assertThrows(CheckpointException.class, () -> MeanCovariance.read(noSigma));
    assertTrue(e.getMessage().startsWith(noSigma + ": not FID statistics") && e.getMessage().contains("[mu]"),
        e.getMessage());

    Path mismatched = tmp.resolve("mismatched.npz");
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    arrays.put("mu", NpyArray.ofDoubles(new long[] {3}, new double[3]));
    arrays.put("sigma", NpyArray.ofDoubles(new long[] {2, 2}, new double[4]));
    Npz.write(mismatched, arrays);
    e = assertThrows(CheckpointException.class, () -> MeanCovariance.read(mismatched));
    assertTrue(e.getMessage().startsWith(mismatched + ": mismatched dimensions"), e.getMessage());

    Path integers = tmp.resolve("int.npz");
    arrays.put("mu", NpyArray.ofLongs(new long[] {2}, new long[2]));
    Npz.write(integers, arrays);
    e = assertThrows(CheckpointException.class, () -> MeanCovariance.read(integers));
    assertTrue(e.getMessage().contains("'mu' must be float64"), e.getMessage());

    Path nan = tmp.resolve("nan.npz");
    arrays.put("mu", NpyArray.ofDoubles(new long[] {2}, new double[] {0, Double.NaN}));
    Npz.write(nan, arrays);
    e = assertThrows(CheckpointException.class, () -> MeanCovariance.read(nan));
    assertTrue(e.getMessage().contains("non-finite"), e.getMessage());
  }
}
