package org.ddpm4j.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/**
 * The events of one stream: buffered until the client subscribes, sent one at a time whatever thread sends them, each
 * a named event whose data is one line of JSON.
 */
final class SseChannel {
  private final UnicastProcessor<OutboundSseEvent> events = UnicastProcessor.create();
  private final Sse sse;
  private final ObjectMapper json;
  private boolean closed;

  SseChannel(Sse sse, ObjectMapper json) {
    this.sse = sse;
    this.json = json;
  }

  /** The stream to return from the resource; {@code onCancel} runs when the client goes away. */
  Multi<OutboundSseEvent> stream(Runnable onCancel) {
    return events.onCancellation().invoke(onCancel);
  }

  /** Sends one event (ignored once the stream is closed). */
  synchronized void send(String name, Object data) {
    if (closed) {
      return;
    }
    try {
      events.onNext(sse.newEventBuilder().name(name).data(json.writeValueAsString(data)).build());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the data of event " + name, e);
    }
  }

  /** Sends a last event and ends the stream. */
  synchronized void finish(String name, Object data) {
    send(name, data);
    closed = true;
    events.onComplete();
  }
}
