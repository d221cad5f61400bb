package org.ddpm4j.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.ddpm4j.unet.UNet2DModel;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every golden case found under {@code golden.dir}, discovered by the conventions of that folder's README, so
 * other case folders of the same format run too. Finding no case at all is a failure, never a silent skip.
 */
class GoldenConformanceTest {

  @TestFactory
  Stream<DynamicNode> goldenCases() {
    Path root = GoldenDir.root();
    List<DynamicNode> all = new ArrayList<>();
    // each family of cases discovers its own files; see the classes named here
    all.addAll(UNetGoldenCases.discover(root));
    all.addAll(SchedulerGoldenCases.discover(root));
    all.addAll(E2EGoldenCases.discover(root, UNet2DModel::load));
    all.addAll(MetricsGoldenCases.discover(root));
    all.addAll(NllGoldenCases.discover(root));
    assertFalse(all.isEmpty(), "no golden case found under " + root);
    return all.stream();
  }
}
