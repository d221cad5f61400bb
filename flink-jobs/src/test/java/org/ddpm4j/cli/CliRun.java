package org.ddpm4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * One run of the {@code ddpm4j} command line with captured output.
 *
 * @param exitCode the exit code
 * @param out what went to stdout
 * @param err what went to stderr
 */
record CliRun(int exitCode, String out, String err) {
  /** Runs {@code ddpm4j args...} as {@link Ddpm4jCli#main} would, without exiting. */
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Ddpm4jCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** The non-empty lines of stderr, without the progress bar's redraws. */
  List<String> errorLines() {
    return err.lines().filter(l -> !l.isBlank() && !l.contains("\r")).toList();
  }

  /** For assertion messages. */
  String describe() {
    return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
  }
}
