package org.ddpm4j.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.flink.api.common.externalresource.ExternalResourceInfo;
import org.junit.jupiter.api.Test;

class GpuLeasesTest {
  /** What Flink's GPU plugin reports: one info per GPU with an "index" property. */
  private record Gpu(Map<String, String> properties) implements ExternalResourceInfo {
    static Gpu index(String i) {
      return new Gpu(Map.of("index", i));
    }

    @Override
    public Optional<String> getProperty(String key) {
      return Optional.ofNullable(properties.get(key));
    }

    @Override
    public Collection<String> getKeys() {
      return properties.keySet();
    }
  }

  @Test
  void noGpuOfferedMeansTheCpu() {
    try (GpuLeases.Lease lease = GpuLeases.acquire(Set.of())) {
      assertEquals(OptionalInt.empty(), lease.index());
    }
  }

  @Test
  void subtasksSpreadOverTheOfferedGpusAndReturnThem() {
    List<ExternalResourceInfo> offered = List.of(Gpu.index("3"), Gpu.index("1"));
    try (GpuLeases.Lease a = GpuLeases.acquire(offered);
        GpuLeases.Lease b = GpuLeases.acquire(offered)) {
      assertEquals(OptionalInt.of(1), a.index(), "lowest index first");
      assertEquals(OptionalInt.of(3), b.index(), "then the free one");
      try (GpuLeases.Lease c = GpuLeases.acquire(offered)) {
        assertEquals(OptionalInt.of(1), c.index(), "both busy: ties go to the lowest index");
      }
      b.close();
      try (GpuLeases.Lease d = GpuLeases.acquire(offered)) {
        assertEquals(OptionalInt.of(3), d.index(), "3 was returned");
      }
    }
  }

  @Test
  void aGpuWithoutAnIntegerIndexIsAClearError() {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> GpuLeases.acquire(List.of(new Gpu(Map.of("uuid", "GPU-1")))));
    assertTrue(missing.getMessage().contains("no 'index' property"), missing.getMessage());
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> GpuLeases.acquire(List.of(Gpu.index("cuda:0"))));
    assertTrue(bad.getMessage().contains("non-integer index 'cuda:0'"), bad.getMessage());
  }
}
