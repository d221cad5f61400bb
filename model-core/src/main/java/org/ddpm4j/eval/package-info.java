/**
 * Evaluation of generated images: feature extractors (a TorchScript Inception through DJL), streaming mergeable
 * feature statistics, and the metrics computed from them exactly as the public reference implementations do: the
 * Frechet distance of pytorch-fid, the kernel distance of clean-fid, the Inception Score of torch-fidelity.
 */
package org.ddpm4j.eval;
