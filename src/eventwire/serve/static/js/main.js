// Wires the dashboard together: the filters drive one fetch of events and one of the time
// series, which feed the map, the timeline and the table; #event=<id> opens the event view.

import { api, settings } from "./api.js";
import { createFilters, filtersFromUrl } from "./filters.js";
import { librariesReady } from "./libs.js";
import { createMap } from "./map.js";
import { createTable } from "./table.js";
import { chooseInterval, createTimeline } from "./timeline.js";

const $ = (selector) => document.querySelector(selector);
const status = $("#status");
const ALL_DRAWN = "eventwire:all-markers-rendered";

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

/** The event view's modules load on first use (they are not needed to draw the first screen). */
function lazyEventView(dialog, meta, options) {
  let real = null;
  let loading = null;
  const load = () => {
    loading ||= import("./eventview.js").then((module) => {
      real = module.createEventView(dialog, meta, options);
      return real;
    });
    return loading;
  };
  return {
    load,
    open: (id) => load().then((view) => view.open(id)),
    close: () => real && real.close(),
    get current() {
      return real ? real.current : null;
    },
  };
}

function intervalFor(filters, meta) {
  const [minDate, maxDate] = meta.date_range || [];
  return chooseInterval(filters.since || minDate, filters.until || maxDate);
}

/** The first requests start before the libraries and the page's components are ready. */
function prefetch() {
  const filters = filtersFromUrl();
  const meta = api.meta();
  const list = api.events(filters);
  const series = meta.then((m) => api.timeseries(filters, intervalFor(filters, m)));
  list.catch(() => null);
  series.catch(() => null);
  return { filters, meta, data: [list, series] };
}

async function start(early) {
  let meta;
  try {
    meta = await early.meta;
    await librariesReady();
  } catch (error) {
    say(`Could not reach the API: ${error.message}`, true);
    setupSettings(() => window.location.reload());
    return;
  }
  const table = createTable($("#table"));
  let loaded = [];
  const view = lazyEventView($("#event-view"), meta, {
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
  async function refresh(prefetched = null) {
    const mine = ++generation;
    const stale = () => mine !== generation;
    const current = filters.values();
    document.body.dataset.loading = "true";
    say("Loading events…");
    try {
      const [firstP, seriesP] = prefetched || [
        api.events(current),
        api.timeseries(current, intervalFor(current, meta)),
      ];
      seriesP.catch(() => null); // a failure is reported when it is awaited below
      const first = await firstP;
      if (stale()) return;
      loaded = [...first.items];
      let unplaced = map.setEvents(first.items, first.count);
      table.set({ items: loaded, count: first.count }, unplaced);
      const timelineDone = seriesP.then((series) => stale() || timeline.render(series));
      for await (const page of api.nextPages(current, first)) {
        if (stale()) return;
        loaded.push(...page.items);
        unplaced += map.addEvents(page.items);
        say(`Loading events… ${loaded.length} of ${first.count}`);
      }
      if (loaded.length > first.items.length) table.set({ items: loaded, count: first.count }, unplaced);
      if (!performance.getEntriesByName(ALL_DRAWN).length) performance.mark(ALL_DRAWN);
      await timelineDone;
      if (stale()) return;
      if (view.current) {
        map.highlight(view.current);
        table.select(view.current);
      }
      const capped = loaded.length < first.count ? ` (the first ${loaded.length} are shown)` : "";
      say(`${first.count} event${first.count === 1 ? "" : "s"}${capped}.`);
    } catch (error) {
      if (!stale()) say(`Could not load events: ${error.message}`, true);
    } finally {
      if (!stale()) document.body.dataset.loading = "false";
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
  const same = JSON.stringify(filters.values()) === JSON.stringify(early.filters);
  await refresh(same ? early.data : null);
  openFromHash();
  view.load();
  document.body.dataset.ready = "true";
}

start(prefetch());
