// The map: Natural Earth country outlines drawn from the shipped TopoJSON (no tiles unless the
// server is configured with a tile URL), one circle per event sized by fatalities and coloured by
// event type, and a legend.

import { el, fmtFigures, fmtPlace } from "./dom.js";
import { L, topojson } from "./libs.js";
import { markerRadius, OTHER_COLOR, TYPE_COLORS, typeColor } from "./colors.js";

const OUTLINES = {
  coarse: "/static/vendor/world-atlas/countries-110m.json",
  fine: "/static/vendor/world-atlas/countries-50m.json",
};
const FINE_FROM_ZOOM = 5;
const CANVAS_ABOVE = 1500; // markers: SVG elements up to this many events, one canvas beyond
const ATTRIBUTION =
  '<a href="https://leafletjs.com">Leaflet</a> | Country outlines: ' +
  '<a href="https://www.naturalearthdata.com/">Natural Earth</a>';

export function createMap(container, { tileUrl, onSelect }) {
  const map = L.map(container, { worldCopyJump: true, zoomSnap: 0.5, minZoom: 2 });
  map.setView([14, 2], 4);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(ATTRIBUTION);
  if (tileUrl) {
    L.tileLayer(tileUrl, { maxZoom: 18, attribution: "Tiles: configured tile server" }).addTo(map);
  }
  // Outlines get a pane of their own under the markers' (overlayPane, z 400), above tiles (200).
  map.createPane("outlines").style.zIndex = "350";
  const outlines = createOutlines(map, Boolean(tileUrl));
  const markers = L.featureGroup().addTo(map);
  legend().addTo(map);
  const canvas = L.canvas({ padding: 0.3 });
  let firstRender = true;
  let selected = null;
  let placedCount = 0;
  let renderer = null;

  /** Replace the markers; `total` (all matching events) picks SVG or, for many, canvas. */
  function setEvents(events, total = events.length) {
    markers.clearLayers();
    selected = null;
    placedCount = 0;
    renderer = total > CANVAS_ABOVE ? canvas : null;
    const unplaced = addEvents(events);
    if (placedCount) map.fitBounds(markers.getBounds().pad(0.3), { maxZoom: 7 });
    if (firstRender) {
      firstRender = false;
      performance.mark("eventwire:markers-rendered");
    }
    return unplaced;
  }

  /** Add a further page of events; returns how many of them have no coordinates. */
  function addEvents(events) {
    const placed = events.filter(hasCoordinates);
    // Largest first, so that small circles stay clickable on top of big ones.
    placed.sort((a, b) => (b.fatalities?.best || 0) - (a.fatalities?.best || 0));
    for (const event of placed) markers.addLayer(marker(event, onSelect, renderer));
    placedCount += placed.length;
    container.dataset.markers = String(placedCount);
    return events.length - placed.length;
  }

  function highlight(eventId) {
    markers.eachLayer((layer) => {
      const on = layer.options.eventId === eventId;
      layer.setStyle({ weight: on ? 3 : 1, color: on ? "#111" : "#fff" });
      if (on) {
        layer.bringToFront();
        selected = layer;
      }
    });
    if (!eventId && selected) selected = null;
  }

  return { map, setEvents, addEvents, highlight, outlines };
}

function hasCoordinates(event) {
  const loc = event.location;
  return loc && Number.isFinite(loc.latitude) && Number.isFinite(loc.longitude);
}

function marker(event, onSelect, renderer) {
  const circle = L.circleMarker([event.location.latitude, event.location.longitude], {
    ...(renderer ? { renderer } : {}),
    radius: markerRadius(event.fatalities?.best),
    color: "#fff",
    weight: 1,
    fillColor: typeColor(event.event_type),
    fillOpacity: 0.8,
    className: "ew-marker",
    eventId: event.id,
  });
  circle.bindTooltip(() => tooltip(event), { direction: "top", offset: [0, -4] });
  circle.on("click", () => onSelect(event.id));
  circle.on("add", () => {
    const path = circle.getElement();
    if (!path) return; // canvas renderer: no element per marker
    path.dataset.eventId = event.id;
    path.dataset.eventType = event.event_type;
  });
  return circle;
}

function tooltip(event) {
  return el(
    "div",
    { class: "map-tip" },
    el("strong", { text: `${event.event_type} / ${event.sub_event_type}` }),
    el("br"),
    `${event.event_date || "date unknown"} · ${fmtPlace(event.location)}`,
    el("br"),
    `Fatalities: ${fmtFigures(event.fatalities)}`,
  );
}

function createOutlines(map, withTiles) {
  const style = withTiles
    ? { color: "#555", weight: 0.8, fill: false }
    : { color: "#a9a395", weight: 0.8, fillColor: "#f7f5ef", fillOpacity: 1 };
  let layer = null;
  let fineLoaded = false;

  async function load(url) {
    const topo = await (await fetch(url)).json();
    const shapes = topojson.feature(topo, topo.objects.countries);
    const next = L.geoJSON(shapes, { style, interactive: false, pane: "outlines" });
    next.addTo(map);
    if (layer) map.removeLayer(layer);
    layer = next;
  }

  const ready = load(OUTLINES.coarse);
  map.on("zoomend", () => {
    if (!fineLoaded && map.getZoom() >= FINE_FROM_ZOOM) {
      fineLoaded = true;
      ready.then(() => load(OUTLINES.fine)).catch(() => { fineLoaded = false; });
    }
  });
  return ready;
}

function legend() {
  const control = L.control({ position: "bottomright" });
  control.onAdd = () => {
    const box = el("div", { class: "map-legend", role: "group", "aria-label": "Map legend" });
    box.append(el("h3", { text: "Event type" }));
    const types = [...Object.entries(TYPE_COLORS), ["Other", OTHER_COLOR]];
    for (const [name, color] of types) {
      const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
      swatch.style.background = color;
      box.append(el("div", { class: "legend-row" }, swatch, name));
    }
    box.append(el("h3", { text: "Fatalities" }));
    const sizes = el("div", { class: "legend-sizes" });
    for (const value of [0, 10, 50, 100]) {
      const dot = el("span", { class: "size-dot", "aria-hidden": "true" });
      const size = `${2 * markerRadius(value)}px`;
      dot.style.width = size;
      dot.style.height = size;
      sizes.append(el("span", { class: "size-item" }, dot, String(value)));
    }
    box.append(sizes);
    L.DomEvent.disableClickPropagation(box);
    return box;
  };
  return control;
}
