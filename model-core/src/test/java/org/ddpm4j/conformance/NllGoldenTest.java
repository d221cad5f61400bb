package org.ddpm4j.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Runs the NLL golden cases on their own until {@link GoldenConformanceTest} picks them up. */
class NllGoldenTest {
  @TestFactory
  Stream<DynamicNode> nllCases() {
    return NllGoldenCases.discover(GoldenDir.root()).stream();
  }
}
