package org.ddpm4j.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Temporary runner of {@link MetricsGoldenCases} until the coordinator wires it into GoldenConformanceTest. */
class MetricsGoldenCasesTest {
  @TestFactory
  Stream<DynamicNode> metricsCases() {
    List<DynamicNode> cases = MetricsGoldenCases.discover(GoldenDir.root());
    assertFalse(cases.isEmpty(), "no metrics cases under " + GoldenDir.root());
    return cases.stream();
  }
}
