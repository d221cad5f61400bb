package org.ddpm4j.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the U-Net golden cases on their own. Temporary: GoldenConformanceTest is the single conformance class and
 * will call {@link UNetGoldenCases#discover} itself; this class goes once it does.
 */
class UNetGoldenCasesRunTest {

  @TestFactory
  List<DynamicNode> unetCases() {
    List<DynamicNode> nodes = UNetGoldenCases.discover(GoldenDir.root());
    assertFalse(nodes.isEmpty(), "no U-Net case folder under " + GoldenDir.root());
    return nodes;
  }
}
