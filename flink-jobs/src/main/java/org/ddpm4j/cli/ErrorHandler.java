package org.ddpm4j.cli;

import picocli.CommandLine;

/**
 * Prints a command's failure as one clear line (the exception's message names the file, key or field) instead of a
 * stack trace; {@code DDPM4J_DEBUG=1} prints the stack trace too.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
    cmd.getErr().println("ddpm4j " + cmd.getCommandName() + ": error: " + ex.getMessage());
    if (System.getenv("DDPM4J_DEBUG") != null) {
      ex.printStackTrace(cmd.getErr());
    }
    return 1;
  }
}
