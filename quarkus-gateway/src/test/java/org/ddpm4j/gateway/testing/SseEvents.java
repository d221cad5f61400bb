package org.ddpm4j.gateway.testing;

import java.util.ArrayList;
import java.util.List;

/** Parses the text of a server-sent event stream into (name, data) pairs, for the tests. */
public final class SseEvents {
  private SseEvents() {}

  /**
   * One event.
   *
   * @param name the event name
   * @param data the data lines joined with newlines
   */
  public record Event(String name, String data) {}

  /** The events of a complete stream body. */
  public static List<Event> parse(String body) {
    List<Event> events = new ArrayList<>();
    for (String block : body.split("\\r?\\n\\r?\\n")) {
      String name = "message";
      StringBuilder data = new StringBuilder();
      for (String line : block.split("\\r?\\n")) {
        if (line.startsWith("event:")) {
          name = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
          if (data.length() > 0) {
            data.append('\n');
          }
          data.append(line.substring(5).stripLeading());
        }
      }
      if (data.length() > 0) {
        events.add(new Event(name, data.toString()));
      }
    }
    return events;
  }
}
