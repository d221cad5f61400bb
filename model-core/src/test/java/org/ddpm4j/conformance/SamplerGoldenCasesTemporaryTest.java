package org.ddpm4j.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@link SchedulerGoldenCases} until the coordinator wires it into {@link GoldenConformanceTest}; then delete
 * this class.
 */
class SamplerGoldenCasesTemporaryTest {

  @TestFactory
  List<DynamicNode> schedulerCases() {
    List<DynamicNode> nodes = SchedulerGoldenCases.discover(GoldenDir.root());
    assertFalse(nodes.isEmpty(), "no scheduler case found under " + GoldenDir.root());
    return nodes;
  }
}
