package org.ddpm4j.cli;

import java.nio.file.Path;
import org.ddpm4j.flink.fid.ExtractorFactory;
import picocli.CommandLine.Option;

/** The reference, the feature network and the KID subsets of a scoring run, shared by {@code fid} and {@code evaluate}. */
final class ScoringOptions {
  @Option(names = "--reference", required = true, paramLabel = "INPUT",
      description = "the reference images or statistics")
  String reference;

  @Option(names = "--extractor", defaultValue = "fmnist",
      description = "fmnist (FID-FMNIST) or inception (FID) (default: ${DEFAULT-VALUE})")
  String extractor;

  @Option(names = "--extractor-file", required = true, paramLabel = "PATH",
      description = "the classifier folder (fmnist, e.g. models/fmnist-classifier) or inception-2015-12-05.pt")
  Path extractorFile;

  @Option(names = "--kid-subsets", defaultValue = "100", description = "KID subsets (default: ${DEFAULT-VALUE})")
  int kidSubsets;

  @Option(names = "--kid-subset-size", defaultValue = "1000",
      description = "largest KID subset (default: ${DEFAULT-VALUE})")
  int kidSubsetSize;

  /** The feature network these options name. */
  ExtractorFactory network() {
    return ExtractorFactory.of(extractor, extractorFile);
  }
}
