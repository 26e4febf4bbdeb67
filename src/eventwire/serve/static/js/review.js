// The review form: the analyst corrects type, sub-type, date, actors, place and best figures,
// gives a reason, and the changed fields (only those) are sent as one PATCH.

import { el } from "./dom.js";
import { settings } from "./api.js";

const PRECISIONS = ["day", "week", "month", "year"];

export function createReviewForm(event, meta, onSubmit) {
  const types = meta.event_types || {};
  const loc = event.location || {};
  const form = el("form", { class: "review-form", "aria-labelledby": "review-title", novalidate: false });
  form.append(el("h3", { id: "review-title", text: "Review" }));
  if (!meta.writes_enabled) {
    form.append(el("p", { class: "note", text: "Writes are disabled on this server (start it with a write token)." }));
  } else if (!settings.writeToken) {
    form.append(el("p", { class: "note", text: "Enter your write token in Settings before saving." }));
  }

  const type = select("event_type", "Event type", Object.keys(types), event.event_type);
  const sub = select("sub_event_type", "Sub-type", types[event.event_type] || [], event.sub_event_type);
  type.control.addEventListener("change", () => {
    const options = types[type.control.value] || [];
    sub.control.replaceChildren(...options.map((o) => el("option", { value: o, text: o })));
  });
  form.append(fieldset("What and when", [
    type.wrap, sub.wrap,
    input("event_date", "Date", "date", event.event_date || ""),
    select("date_precision", "Date precision", PRECISIONS, event.date_precision || "day").wrap,
  ]));
  form.append(fieldset("Who", [
    input("actor1_name", "Actor 1", "text", event.actor1?.name || ""),
    input("actor1_inter", "Actor 1 inter code", "number", event.actor1?.inter ?? "", { min: 0, max: 8 }),
    input("actor2_name", "Actor 2", "text", event.actor2?.name || ""),
    input("actor2_inter", "Actor 2 inter code", "number", event.actor2?.inter ?? "", { min: 0, max: 8 }),
  ]));
  form.append(fieldset("Where", [
    input("loc_name", "Place", "text", loc.name || ""),
    input("loc_admin1", "Admin 1", "text", loc.admin1 || ""),
    input("loc_country", "Country", "text", loc.country || ""),
    input("loc_latitude", "Latitude", "number", loc.latitude ?? "", { step: "any", min: -90, max: 90 }),
    input("loc_longitude", "Longitude", "number", loc.longitude ?? "", { step: "any", min: -180, max: 180 }),
    input("loc_geo_precision", "Geo precision", "number", loc.geo_precision ?? "", { min: 1, max: 3 }),
  ]));
  form.append(fieldset("How many (best figure)", [
    input("fatalities_best", "Fatalities", "number", event.fatalities?.best ?? "", { min: 0 }),
    input("injuries_best", "Injuries", "number", event.injuries?.best ?? "", { min: 0 }),
  ]));
  const reason = el("textarea", { id: "rv-reason", name: "reason", required: true, rows: 2 });
  form.append(el("div", { class: "field wide" }, el("label", { for: "rv-reason", text: "Reason for the change (required)" }), reason));
  form.append(input("user", "Your name", "text", settings.user || "", { required: true, autocomplete: "name" }));
  const status = el("p", { class: "form-status", role: "status", "aria-live": "polite" });
  const submit = el("button", { type: "submit", class: "primary", text: "Save changes" });
  if (!meta.writes_enabled) submit.disabled = true;
  form.append(el("div", { class: "actions" }, submit), status);

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const changes = diff(event, form.elements);
    if (!Object.keys(changes).length) {
      status.textContent = "Nothing changed.";
      return;
    }
    const user = form.elements.user.value.trim();
    settings.save({ writeToken: settings.writeToken, readToken: settings.readToken, user });
    submit.disabled = true;
    status.textContent = "Saving…";
    try {
      await onSubmit(changes, reason.value.trim(), user);
    } catch (error) {
      status.textContent = error.message;
      status.classList.add("error");
      submit.disabled = false;
    }
  });
  return form;
}

function fieldset(legend, children) {
  return el("fieldset", {}, el("legend", { text: legend }), children);
}

function input(name, label, type, value, extra = {}) {
  const id = `rv-${name}`;
  const control = el("input", { id, name, type, value: String(value), ...extra });
  return el("div", { class: "field" }, el("label", { for: id, text: label }), control);
}

function select(name, label, options, value) {
  const id = `rv-${name}`;
  const all = options.includes(value) || !value ? options : [value, ...options];
  const control = el("select", { id, name }, all.map((o) => el("option", { value: o, text: o })));
  control.value = value || "";
  return { control, wrap: el("div", { class: "field" }, el("label", { for: id, text: label }), control) };
}

const text = (f, name) => f[name].value.trim();
const num = (f, name) => (f[name].value.trim() === "" ? null : Number(f[name].value));

/** The changed fields, in the API's shapes. */
export function diff(event, f) {
  const changes = {};
  for (const name of ["event_type", "sub_event_type", "date_precision"]) {
    if (text(f, name) !== (event[name] || "")) changes[name] = text(f, name) || null;
  }
  if (text(f, "event_date") !== (event.event_date || "")) changes.event_date = text(f, "event_date") || null;
  for (const slot of ["actor1", "actor2"]) {
    const name = text(f, `${slot}_name`);
    const inter = num(f, `${slot}_inter`);
    const before = event[slot] || {};
    if (name !== (before.name || "") || inter !== (before.inter ?? null)) {
      changes[slot] = name ? { name, inter } : null;
    }
  }
  const loc = event.location || {};
  const place = {
    name: text(f, "loc_name"), admin1: text(f, "loc_admin1") || null,
    country: text(f, "loc_country") || null, latitude: num(f, "loc_latitude"),
    longitude: num(f, "loc_longitude"), geo_precision: num(f, "loc_geo_precision"),
  };
  const norm = (v) => (v === "" || v === undefined ? null : v);
  if (Object.entries(place).some(([k, v]) => norm(v) !== norm(loc[k]))) {
    changes.location = {
      iso3: place.country === (loc.country ?? null) ? loc.iso3 ?? null : null,
      admin2: loc.admin2 ?? null, ...place,
    };
  }
  for (const kind of ["fatalities", "injuries"]) {
    const best = num(f, `${kind}_best`);
    const before = event[kind] || {};
    if (best !== (before.best ?? null)) changes[kind] = figures(before, best);
  }
  return changes;
}

/** A new best keeps the reported range, widened if the best falls outside it. */
function figures(before, best) {
  if (best === null) return { low: null, best: null, high: null };
  return {
    low: Math.min(before.low ?? best, best),
    best,
    high: Math.max(before.high ?? best, best),
  };
}
