// ddpm4j web page: lists the models, posts a request to the streaming endpoint and shows its server-sent events
// (fetch is used instead of EventSource so that the request can be a POST with a JSON body and an API-key header).
"use strict";

const $ = (id) => document.getElementById(id);

function headers(extra) {
  const h = Object.assign({}, extra);
  const key = $("api-key").value.trim();
  if (key) h["X-API-Key"] = key;
  return h;
}

function setStatus(text, isError) {
  $("status").textContent = text;
  $("status").classList.toggle("error", Boolean(isError));
}

async function problemText(response) {
  try {
    const p = await response.json();
    return (p.title || "Error") + ": " + (p.detail || response.status) + (p.rule ? " (" + p.rule + ")" : "");
  } catch (e) {
    return "HTTP " + response.status;
  }
}

async function loadModels() {
  const response = await fetch("/v1/models", { headers: headers({ Accept: "application/json" }) });
  if (!response.ok) {
    setStatus(await problemText(response), true);
    return;
  }
  const list = await response.json();
  const select = $("model");
  select.innerHTML = "";
  for (const m of list.models) {
    const option = document.createElement("option");
    option.value = m.id;
    option.textContent = m.id + " (" + m.resolution + "px, " + (m.parameters / 1e6).toFixed(2) + "M params)";
    option.selected = m.id === list.defaultModel;
    select.appendChild(option);
  }
  if (list.models.length === 0) setStatus("No models in the model directory.", true);
}

function request() {
  const body = {
    model: $("model").value,
    sampler: $("sampler").value,
    steps: Number($("steps").value),
    n: Number($("count").value),
    previewEvery: Number($("preview-every").value),
    format: "json",
  };
  if ($("sampler").value === "ddim") body.eta = Number($("eta").value);
  if ($("seed").value !== "") body.seed = Number($("seed").value);
  return body;
}

function showImages(result) {
  const box = $("images");
  box.innerHTML = "";
  result.images.forEach((b64, i) => {
    const img = document.createElement("img");
    img.src = "data:image/png;base64," + b64;
    img.alt = "image " + i + " of seed " + result.settings.seed;
    box.appendChild(img);
  });
  setStatus("Done: " + result.images.length + " image(s), seed " + result.settings.seed + ", " +
    result.settings.sampler + " " + result.settings.steps + " steps.");
}

function handle(event, data) {
  if (event === "step") {
    $("progress").max = data.steps;
    $("progress").value = data.step;
    setStatus("step " + data.progress);
  } else if (event === "preview") {
    $("preview").src = "data:image/png;base64," + data.image;
    $("preview").hidden = false;
  } else if (event === "result") {
    $("progress").value = $("progress").max;
    showImages(data);
  } else if (event === "error") {
    setStatus((data.title || "Error") + ": " + data.detail, true);
  }
}

// Splits the text of an event stream into events; returns what is left of an unfinished event.
function parseEvents(buffer, onEvent) {
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop();
  for (const block of blocks) {
    let name = "message";
    const data = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith("event:")) name = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
    }
    if (data.length) onEvent(name, JSON.parse(data.join("\n")));
  }
  return rest;
}

async function generate(e) {
  e.preventDefault();
  $("generate").disabled = true;
  $("images").innerHTML = "";
  $("preview").hidden = true;
  $("progress").value = 0;
  setStatus("queued...");
  try {
    const response = await fetch("/v1/images/stream", {
      method: "POST",
      headers: headers({ "Content-Type": "application/json", Accept: "text/event-stream" }),
      body: JSON.stringify(request()),
    });
    if (!response.ok) {
      setStatus(await problemText(response), true);
      return;
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer = parseEvents(buffer + decoder.decode(value, { stream: true }), handle);
    }
  } catch (err) {
    setStatus("Request failed: " + err.message, true);
  } finally {
    $("generate").disabled = false;
  }
}

$("sampler").addEventListener("change", () => { $("eta-label").hidden = $("sampler").value !== "ddim"; });
$("form").addEventListener("submit", generate);
loadModels().catch((err) => setStatus("Cannot list the models: " + err.message, true));
