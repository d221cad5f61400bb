package org.ddpm4j.train;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * A view of an optimizer's state for checkpointing.
 *
 * @param tensors named state arrays (owned by the optimizer; do not close)
 * @param steps the number of updates taken
 */
public record OptimizerState(Map<String, NDArray> tensors, long steps) {}
