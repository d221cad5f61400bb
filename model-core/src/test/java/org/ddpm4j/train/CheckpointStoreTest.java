package org.ddpm4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ddpm4j.io.AtomicFiles;
import org.ddpm4j.io.CheckpointException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {
  @TempDir Path root;

  private static CheckpointStore.FolderWriter content(String text) {
    return dir -> {
      AtomicFiles.write(dir.resolve("a.txt"), text.getBytes());
      AtomicFiles.write(dir.resolve("b.txt"), (text + "!").getBytes());
    };
  }

  private List<String> entries() throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void keepsTheLastKInStepOrder() throws IOException {
    CheckpointStore store = new CheckpointStore(root, 2);
    for (long step : new long[] {5, 10, 100, 20}) {
      store.save(step, content("s" + step));
    }
    // numeric, not lexical, order: 100 is the newest
    assertEquals(List.of("checkpoint-100", "checkpoint-20"), entries());
    assertEquals(root.resolve("checkpoint-100"), store.latest().orElseThrow());
    assertEquals("s100", Files.readString(root.resolve("checkpoint-100/a.txt")));
  }

  @Test
  void aFailureMidSaveLeavesThePreviousCheckpointIntact() throws IOException {
    CheckpointStore store = new CheckpointStore(root, 1);
    store.save(1, content("first"));
    CheckpointException e = assertThrows(CheckpointException.class, () -> store.save(2, dir -> {
      AtomicFiles.write(dir.resolve("a.txt"), "half".getBytes());
      throw new IOException("disk full (injected)");
    }));
    assertTrue(e.getMessage().contains("checkpoint-2") && e.getMessage().contains("disk full (injected)"),
        e.getMessage());
    assertEquals(List.of("checkpoint-1"), entries(), "no partial folder, no leftover");
    assertEquals("first", Files.readString(root.resolve("checkpoint-1/a.txt")));
    assertEquals("first!", Files.readString(root.resolve("checkpoint-1/b.txt")));
  }

  @Test
  void replacingAStepSwapsOnlyACompleteFolder() throws IOException {
    CheckpointStore store = new CheckpointStore(root, 3);
    store.save(7, content("old"));
    assertThrows(CheckpointException.class, () -> store.save(7, dir -> {
      throw new IllegalStateException("crash (injected)");
    }));
    assertEquals("old", Files.readString(root.resolve("checkpoint-7/a.txt")));
    store.save(7, content("new"));
    assertEquals("new", Files.readString(root.resolve("checkpoint-7/a.txt")));
    assertEquals(List.of("checkpoint-7"), entries());
  }

  @Test
  void leftoversOfAKilledSaveAreIgnoredThenRemoved() throws IOException {
    CheckpointStore store = new CheckpointStore(root, 3);
    store.save(3, content("x"));
    Path leftover = Files.createDirectories(root.resolve(".checkpoint-4.tmp-dead/sub"));
    Files.writeString(leftover.resolve("f"), "partial");
    assertEquals(root.resolve("checkpoint-3"), store.latest().orElseThrow());
    store.removeLeftovers();
    assertEquals(List.of("checkpoint-3"), entries());
  }
}
