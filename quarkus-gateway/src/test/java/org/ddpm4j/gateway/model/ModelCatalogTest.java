package org.ddpm4j.gateway.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ddpm4j.gateway.problem.ProblemException;
import org.ddpm4j.gateway.testing.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCatalogTest {
  private final ModelCatalog catalog = new ModelCatalog(TestModels.create(), new ObjectMapper());

  @Test
  void resolvesOnlyPlainNamesToFoldersInside() {
    assertEquals(TestModels.root().resolve(TestModels.TINY), catalog.resolve(TestModels.TINY));
    for (String bad : List.of("..", "../tiny", "/etc", "tiny/..", "a/b", "", ".hidden", "x".repeat(65), "tiny\u0000")) {
      ProblemException e = assertThrows(ProblemException.class, () -> catalog.resolve(bad), bad);
      assertEquals(400, e.problem().status(), bad);
      assertEquals("model", e.problem().field());
    }
    for (String absent : List.of("nope", "escape", "half-model")) {
      assertEquals(404, assertThrows(ProblemException.class, () -> catalog.resolve(absent)).problem().status(), absent);
    }
    assertEquals(400, assertThrows(ProblemException.class, () -> catalog.resolve(null)).problem().status());
  }

  @Test
  void describesAModelFromItsFiles() {
    ModelInfo info = catalog.describe(TestModels.TINY);
    assertEquals(16, info.resolution());
    assertEquals(3, info.channels());
    assertEquals(702_499L, info.parameters());
    assertEquals(List.of(TestModels.TINY), catalog.list().stream().map(ModelInfo::id).toList());
  }

  @Test
  void aMissingDirectoryListsNothingAndABrokenConfigIsLeftOut(@TempDir Path dir) throws Exception {
    assertEquals(List.of(), new ModelCatalog(dir.resolve("absent"), new ObjectMapper()).list());
    Path broken = dir.resolve("broken");
    Files.createDirectories(broken);
    Files.writeString(broken.resolve(ModelCatalog.CONFIG), "{not json");
    Files.copy(TestModels.root().resolve("tiny").resolve(ModelCatalog.WEIGHTS), broken.resolve(ModelCatalog.WEIGHTS));
    ModelCatalog c = new ModelCatalog(dir, new ObjectMapper());
    assertEquals(List.of(), c.list());
    RuntimeException e = assertThrows(RuntimeException.class, () -> c.describe("broken"));
    assertTrue(e.getMessage().contains("broken"), e.getMessage());
  }
}
