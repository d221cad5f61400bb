/** The ddpm4j command line (picocli): one class per command. */
package org.ddpm4j.cli;
