package org.ddpm4j.flink.fid;

import java.nio.file.Path;
import org.ddpm4j.eval.TorchScriptInception;

/**
 * The standard TorchScript Inception ({@code inception-2015-12-05.pt}, the user's file; or any module with its
 * calling convention): pool features give FID, its class probabilities IS. Takes RGB of any size (it resizes
 * itself); gray images are replicated.
 *
 * @param file the TorchScript file
 */
record InceptionExtractor(String file) implements ExtractorFactory {
  /** The name on the command line. */
  static final String KIND = "inception";

  @Override
  public TorchScriptInception open() {
    return TorchScriptInception.load(TorchScriptInception.Config.of(Path.of(file)));
  }

  @Override
  public ExtractorInfo inspect() {
    try (TorchScriptInception n = open()) {
      return new ExtractorInfo(KIND, file, n.id(), n.sha256(), n.featureDim(), n.hasProbabilities(), "", 3, 0);
    }
  }
}
