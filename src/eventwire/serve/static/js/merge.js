// Merge and split: fold another event (a second report of the same incident) into this one, or
// undo a recorded merge. Both need a reason and the write token, like every review.

import { el, fmtPlace } from "./dom.js";
import { settings } from "./api.js";

const DAY = 86400000;

/** Other loaded events, nearest in date first (same country before others). */
function candidates(event, loaded) {
  const at = event.event_date ? Date.parse(event.event_date) : null;
  const country = event.location?.country;
  const distance = (other) => {
    const days = at && other.event_date ? Math.abs(Date.parse(other.event_date) - at) / DAY : 1e6;
    return days + (other.location?.country === country ? 0 : 1e5);
  };
  return loaded.filter((o) => o.id !== event.id).sort((a, b) => distance(a) - distance(b)).slice(0, 60);
}

function describe(other) {
  return `${other.event_date || "no date"} · ${other.event_type} · ${fmtPlace(other.location)} · ` +
    `${other.fatalities?.best ?? "–"} dead (${other.id})`;
}

export function createMergeForm(event, loaded, meta, onMerge) {
  const options = candidates(event, loaded);
  const form = el("form", { class: "merge-form", "aria-labelledby": "merge-title" },
    el("h3", { id: "merge-title", text: "Merge a duplicate into this event" }));
  if (!options.length) {
    form.append(el("p", { class: "empty", text: "No other events are loaded (check the filters)." }));
    return form;
  }
  const select = el("select", { id: "mg-other", name: "other_id" },
    options.map((o) => el("option", { value: o.id, text: describe(o) })));
  const reason = el("input", { id: "mg-reason", name: "reason", type: "text", required: true });
  const status = el("p", { class: "form-status", role: "status", "aria-live": "polite" });
  const submit = el("button", { type: "submit", text: "Merge" });
  submit.disabled = !meta.writes_enabled;
  form.append(
    el("div", { class: "field" }, el("label", { for: "mg-other", text: "Other event (same incident)" }), select),
    el("div", { class: "field" }, el("label", { for: "mg-reason", text: "Reason (required)" }), reason),
    el("div", { class: "actions" }, submit), status,
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    run(submit, status, () => onMerge(select.value, reason.value.trim(), settings.user || "analyst"));
  });
  return form;
}

/** A "split" control for one merge record that is still in force. */
export function createSplitForm(merge, meta, onSplit) {
  const id = `sp-reason-${merge.id}`;
  const reason = el("input", { id, type: "text", required: true, placeholder: "why they differ" });
  const status = el("span", { class: "form-status", role: "status", "aria-live": "polite" });
  const submit = el("button", { type: "submit", text: "Split out again" });
  submit.disabled = !meta.writes_enabled;
  const form = el("form", { class: "split-form" },
    el("label", { for: id, text: "Reason" }), reason, submit, status);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    run(submit, status, () => onSplit(merge.id, reason.value.trim(), settings.user || "analyst"));
  });
  return form;
}

async function run(button, status, action) {
  button.disabled = true;
  status.textContent = "Saving…";
  status.classList.remove("error");
  try {
    await action();
  } catch (error) {
    status.textContent = error.message;
    status.classList.add("error");
    button.disabled = false;
  }
}
