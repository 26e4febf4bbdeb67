// The filter form: its fields are named after the API's query parameters, its state is mirrored
// in the page URL (so a reload or a shared link keeps it), and every change calls `onChange`.

import { debounce, el } from "./dom.js";

const FIELDS = [
  "country", "event_type", "sub_event_type", "actor", "since", "until", "min_fatalities", "q",
];

export function createFilters(form, meta, onChange) {
  const types = meta.event_types || {};
  fillSelect(form.elements.country, meta.countries || [], "All countries");
  fillSelect(form.elements.event_type, Object.keys(types), "All types");
  const [minDate, maxDate] = meta.date_range || [null, null];
  for (const name of ["since", "until"]) {
    if (minDate) form.elements[name].min = minDate.slice(0, 10);
    if (maxDate) form.elements[name].max = maxDate.slice(0, 10);
  }

  const syncSubTypes = () => {
    const type = form.elements.event_type.value;
    const subs = type ? types[type] || [] : Object.values(types).flat();
    const current = form.elements.sub_event_type.value;
    fillSelect(form.elements.sub_event_type, [...new Set(subs)], "All sub-types");
    if (subs.includes(current)) form.elements.sub_event_type.value = current;
  };

  readUrl(form);
  syncSubTypes();
  readUrl(form);

  const emit = () => {
    writeUrl(form);
    onChange(values(form));
  };
  const emitSoon = debounce(emit, 300);

  form.addEventListener("change", (event) => {
    if (event.target.name === "event_type") syncSubTypes();
    emit();
  });
  form.addEventListener("input", (event) => {
    if (event.target.type === "text" || event.target.type === "search") emitSoon();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    emit();
  });
  form.addEventListener("reset", () => {
    setTimeout(() => {
      syncSubTypes();
      emit();
    }, 0);
  });

  return {
    values: () => values(form),
    /** Set some filters from elsewhere (a click on the timeline) and apply them. */
    set(changes) {
      for (const [name, value] of Object.entries(changes)) {
        if (form.elements[name]) form.elements[name].value = value ?? "";
      }
      if ("event_type" in changes) syncSubTypes();
      emit();
    },
  };
}

function fillSelect(select, options, allLabel) {
  select.replaceChildren(el("option", { value: "", text: allLabel }));
  for (const option of options) select.append(el("option", { value: option, text: option }));
}

function values(form) {
  const result = {};
  for (const name of FIELDS) {
    const value = form.elements[name].value.trim();
    if (value !== "") result[name] = value;
  }
  return result;
}

/** The filters in the page URL, as `values()` gives them once the form has read them. */
export function filtersFromUrl() {
  const params = new URLSearchParams(window.location.search);
  const result = {};
  for (const name of FIELDS) {
    const value = (params.get(name) || "").trim();
    if (value !== "") result[name] = value;
  }
  return result;
}

function readUrl(form) {
  const params = new URLSearchParams(window.location.search);
  for (const name of FIELDS) {
    if (params.has(name)) form.elements[name].value = params.get(name);
  }
}

function writeUrl(form) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values(form))) params.set(name, value);
  const search = params.toString();
  const url = `${window.location.pathname}${search ? `?${search}` : ""}${window.location.hash}`;
  window.history.replaceState(null, "", url);
}
