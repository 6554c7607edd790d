// newsprobe web app: layer toggles, confidence slider, evidence links and maps. Plain JS, no build step.
// Every article-derived string reaches the DOM through textContent, never innerHTML.
"use strict";

const ORDER = ["techniques", "places", "entities", "quantities", "signals"];

function activeLayers() {
  const boxes = document.querySelectorAll("input[data-layer]");
  return new Set([...boxes].filter((box) => box.checked).map((box) => box.dataset.layer));
}

function refreshMarks() {
  const text = document.getElementById("text");
  if (!text) return;
  const on = activeLayers();
  const slider = document.getElementById("confidence");
  const minimum = slider ? parseFloat(slider.value) : 0;
  const output = document.getElementById("confidence-value");
  if (output && slider) output.textContent = minimum.toFixed(2);
  text.querySelectorAll("mark").forEach((mark) => {
    const layers = mark.dataset.layers.split(" ");
    const shown = ORDER.find((layer) => on.has(layer) && layers.includes(layer) &&
      (layer !== "techniques" || parseFloat(mark.dataset.score || "0") >= minimum));
    if (shown) mark.dataset.on = shown; else delete mark.dataset.on;
  });
  text.classList.toggle("show-claims", on.has("claims"));
}

function flashEvidence(link) {
  const start = Number(link.dataset.start), end = Number(link.dataset.end);
  const pieces = [...document.querySelectorAll("#text [data-s]")]
    .filter((piece) => Number(piece.dataset.s) >= start && Number(piece.dataset.e) <= end);
  if (!pieces.length) return;
  pieces[0].scrollIntoView({ block: "center" });
  pieces.forEach((piece) => { piece.classList.remove("flash"); void piece.offsetWidth; piece.classList.add("flash"); });
  setTimeout(() => pieces.forEach((piece) => piece.classList.remove("flash")), 4000);
}

function pageData(id) {
  const block = document.getElementById(id);
  return block ? JSON.parse(block.textContent) : null;
}

function popup(point) {
  const box = document.createElement("div");
  box.className = "popup-text";
  const label = document.createElement(point.href ? "a" : "span");
  label.textContent = point.label;
  if (point.href) label.href = point.href;
  box.appendChild(label);
  return box;
}

function drawMap(element) {
  const points = pageData(element.dataset.points) || [];
  const map = L.map(element, { worldCopyJump: true }).setView([30, 30], 2);
  const tiles = document.body.dataset.tiles;
  if (tiles) L.tileLayer(tiles, { maxZoom: 12, attribution: document.body.dataset.tilesAttribution || "" }).addTo(map);
  fetch("/static/world-110m.geojson").then((response) => response.json()).then((world) => {
    const layer = L.geoJSON(world, { style: { color: "#78909c", weight: 1, fillColor: "#eceff1", fillOpacity: 1 } });
    layer.addTo(map);
    layer.bringToBack();
    element.dataset.baseLayer = "drawn";
  });
  const markers = points.map((point) => L.marker([point.lat, point.lon], { title: point.label }).bindPopup(popup(point)));
  markers.forEach((marker) => marker.addTo(map));
  if (markers.length) map.fitBounds(L.featureGroup(markers).getBounds().pad(0.5), { maxZoom: 7 });
  element.dataset.markers = String(markers.length);
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("input[data-layer], #confidence").forEach((input) => input.addEventListener("input", refreshMarks));
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a.evidence");
    if (!link) return;
    event.preventDefault();
    flashEvidence(link);
  });
  // Empty filter fields are left out of the URL: an empty date is not a date (the server answers 422).
  document.querySelectorAll('form[method="get"]').forEach((form) => form.addEventListener("submit", () => {
    form.querySelectorAll("input, select").forEach((field) => { if (!field.value) field.disabled = true; });
  }));
  window.addEventListener("pageshow", () => document.querySelectorAll("form [disabled]").forEach((field) => { field.disabled = false; }));
  refreshMarks();
  if (window.L) document.querySelectorAll("div.map[data-points]").forEach(drawMap);
});
