package org.ddpm4j.eval.fmnist;

/**
 * The result of one training epoch.
 *
 * @param epoch the epoch number, from 1
 * @param steps the optimizer steps taken so far
 * @param trainLoss the mean cross-entropy (nats) of the epoch's batches, measured before each update
 * @param testAccuracy the accuracy on the test set after the epoch
 * @param seconds wall time of the epoch, including the test pass
 */
public record EpochReport(int epoch, long steps, double trainLoss, double testAccuracy, double seconds) {}
