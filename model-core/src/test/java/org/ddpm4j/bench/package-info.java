/** Benchmark entry points run by the scripts under {@code bench/} (not tests). */
package org.ddpm4j.bench;
