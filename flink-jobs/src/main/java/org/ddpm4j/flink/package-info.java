/**
 * Plumbing shared by the ddpm4j Flink jobs: the batch execution environment, GPU assignment from Flink's external
 * resources, progress metrics, and turning a failed job into one clear message.
 */
package org.ddpm4j.flink;
