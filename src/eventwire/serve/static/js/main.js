// Wires the dashboard together: the filters drive one fetch of events and one of the time
// series, which feed the map, the timeline and the table; #event=<id> opens the event view.

import { api, settings } from "./api.js";
import { createEventView } from "./eventview.js";
import { createFilters } from "./filters.js";
import { createMap } from "./map.js";
import { createTable } from "./table.js";
import { chooseInterval, createTimeline } from "./timeline.js";

const $ = (selector) => document.querySelector(selector);
const status = $("#status");

function say(message, isError = false) {
  status.textContent = message;
  status.classList.toggle("error", isError);
}

function eventIdFromHash() {
  const match = /^#event=(.+)$/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

function setupSettings(onSaved) {
  const dialog = $("#settings");
  const form = dialog.querySelector("form");
  $("#open-settings").addEventListener("click", () => {
    form.elements.write_token.value = settings.writeToken;
    form.elements.read_token.value = settings.readToken;
    form.elements.user.value = settings.user;
    dialog.showModal();
  });
  dialog.querySelector(".cancel").addEventListener("click", () => dialog.close());
  form.addEventListener("submit", () => {
    settings.save({
      writeToken: form.elements.write_token.value.trim(),
      readToken: form.elements.read_token.value.trim(),
      user: form.elements.user.value.trim(),
    });
    say("Settings saved for this browser tab.");
    onSaved();
  });
}

function setupExport(filters) {
  const form = $("#export");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const format = form.elements.format.value;
    try {
      const response = await api.exportFile(filters.values(), format);
      const blob = await response.blob();
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = `eventwire-events.${format === "acled" ? "csv" : format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    } catch (error) {
      say(`Export failed: ${error.message}`, true);
    }
  });
}

async function start() {
  let meta;
  try {
    meta = await api.meta();
  } catch (error) {
    say(`Could not reach the API: ${error.message}`, true);
    setupSettings(() => window.location.reload());
    return;
  }
  const table = createTable($("#table"));
  let loaded = [];
  const view = createEventView($("#event-view"), meta, {
    loadedEvents: () => loaded,
    onSaved: () => refresh(),
    onClose: () => {
      if (eventIdFromHash()) window.history.replaceState(null, "", window.location.pathname + window.location.search);
      map.highlight(null);
      table.select(null);
    },
  });
  const selectEvent = (id) => {
    window.location.hash = `event=${encodeURIComponent(id)}`;
  };
  const map = createMap($("#map"), { tileUrl: meta.tile_url, onSelect: selectEvent });
  const timeline = createTimeline($("#timeline"), {
    onPick: (since, until) => filters.set({ since, until }),
  });
  const filters = createFilters($("#filters"), meta, () => refresh());
  setupSettings(() => view.current && view.open(view.current));
  setupExport(filters);

  let generation = 0;
  async function refresh() {
    const mine = ++generation;
    const current = filters.values();
    const [minDate, maxDate] = meta.date_range || [];
    const interval = chooseInterval(current.since || minDate, current.until || maxDate);
    document.body.dataset.loading = "true";
    say("Loading events…");
    try {
      const [list, series] = await Promise.all([
        api.allEvents(current),
        api.timeseries(current, interval),
      ]);
      if (mine !== generation) return;
      loaded = list.items;
      const unplaced = map.setEvents(list.items);
      table.set(list, unplaced);
      timeline.render(series);
      if (view.current) {
        map.highlight(view.current);
        table.select(view.current);
      }
      say(`${list.count} event${list.count === 1 ? "" : "s"}${list.truncated ? ` (first ${list.items.length} shown)` : ""}.`);
    } catch (error) {
      if (mine === generation) say(`Could not load events: ${error.message}`, true);
    } finally {
      if (mine === generation) document.body.dataset.loading = "false";
    }
  }

  const openFromHash = () => {
    const id = eventIdFromHash();
    if (!id) {
      view.close();
      return;
    }
    view.open(id);
    map.highlight(id);
    table.select(id);
  };
  window.addEventListener("hashchange", openFromHash);
  await refresh();
  openFromHash();
  document.body.dataset.ready = "true";
}

start();
