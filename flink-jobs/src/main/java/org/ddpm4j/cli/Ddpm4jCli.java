package org.ddpm4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ddpm4j} command line: in-process commands and the Flink jobs on an embedded MiniCluster. */
@Command(
    name = "ddpm4j",
    mixinStandardHelpOptions = true,
    version = "ddpm4j 0.1.0",
    description = "Denoising Diffusion Probabilistic Models on the JVM.",
    subcommands = {CommandLine.HelpCommand.class, InitCommand.class, InspectCommand.class, SampleCommand.class,
      BulkSampleCommand.class, FidCommand.class, EvaluateCommand.class, TrainCommand.class, NllCommand.class,
      TrainClassifierCommand.class})
public final class Ddpm4jCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Builds the command line with every subcommand registered. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Ddpm4jCli());
    cl.setExecutionExceptionHandler(new ErrorHandler());
    return cl;
  }

  /** Entry point. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
