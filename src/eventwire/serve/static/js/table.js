// The event table. Each row's date is a link to #event=<id>, which opens the event view, so
// rows work from the keyboard and an open event survives a reload.

import { clear, el, fmtActor, fmtFigures, fmtPlace } from "./dom.js";
import { typeColor } from "./colors.js";

const PAGE = 100;
const COLUMNS = ["Date", "Type / sub-type", "Actor 1", "Actor 2", "Place", "Fatalities", "Injuries"];

export function createTable(container) {
  let events = [];
  let shown = PAGE;
  let total = 0;
  let unplaced = 0;

  function render() {
    clear(container);
    const table = el("table", { class: "events-table" });
    const noMap = unplaced ? ` · ${unplaced} without coordinates, not on the map` : "";
    const caption = `${total} event${total === 1 ? "" : "s"} match` +
      `${events.length < total ? ` (${events.length} loaded)` : ""}${noMap}`;
    table.append(el("caption", { text: caption }));
    table.append(el("thead", {}, el("tr", {}, COLUMNS.map((c) => el("th", { scope: "col", text: c })))));
    const body = el("tbody");
    for (const event of events.slice(0, shown)) body.append(row(event));
    table.append(body);
    container.append(table);
    if (events.length > shown) {
      container.append(el("button", {
        type: "button", class: "more", text: `Show ${Math.min(PAGE, events.length - shown)} more`,
        onclick: () => {
          shown += PAGE;
          render();
        },
      }));
    }
  }

  return {
    set(list, withoutCoordinates = 0) {
      events = list.items;
      total = list.count ?? list.items.length;
      unplaced = withoutCoordinates;
      shown = PAGE;
      render();
    },
    select(eventId) {
      for (const tr of container.querySelectorAll("tbody tr")) {
        tr.classList.toggle("selected", tr.dataset.eventId === eventId);
      }
    },
  };
}

function row(event) {
  const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
  swatch.style.background = typeColor(event.event_type);
  const link = el("a", {
    href: `#event=${encodeURIComponent(event.id)}`,
    text: event.event_date || "no date",
    "aria-label": `Open event of ${event.event_date || "unknown date"}: ${event.event_type}`,
  });
  const reviewed = (event.reviewed_fields || []).length
    ? el("span", { class: "badge", title: `Reviewed: ${event.reviewed_fields.join(", ")}`, text: "reviewed" })
    : null;
  return el(
    "tr",
    { dataset: { eventId: event.id } },
    el("td", { class: "nowrap" }, link, reviewed ? " " : null, reviewed),
    el("td", {}, swatch, `${event.event_type} / ${event.sub_event_type}`),
    el("td", { text: fmtActor(event.actor1) }),
    el("td", { text: fmtActor(event.actor2) }),
    el("td", { text: fmtPlace(event.location) }),
    el("td", { class: "num", text: fmtFigures(event.fatalities) }),
    el("td", { class: "num", text: fmtFigures(event.injuries) }),
  );
}
