// The event view (a modal dialog): the event's fields, every claim with its source and qualifier,
// the articles with each claim's sentence highlighted, the review form, and the audit trail.

import { api } from "./api.js";
import { renderDocument, validSpan } from "./article.js";
import { clear, el, fmtActor, fmtFigures, fmtPlace } from "./dom.js";
import { createMergeForm, createSplitForm } from "./merge.js";
import { createReviewForm } from "./review.js";
import { typeColor } from "./colors.js";

export function createEventView(dialog, meta, { onSaved, onClose, loadedEvents }) {
  const body = dialog.querySelector(".ev-body");
  const title = dialog.querySelector("#ev-title");
  let current = null;
  let request = 0;

  dialog.querySelector(".ev-close").addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => {
    current = null;
    onClose();
  });

  async function open(id) {
    const mine = ++request;
    current = id;
    if (!dialog.open) dialog.showModal();
    title.textContent = "Event";
    clear(body).append(el("p", { class: "loading", text: "Loading…" }));
    try {
      const detail = await api.event(id);
      if (mine === request) render(detail);
    } catch (error) {
      if (mine === request) clear(body).append(el("p", { class: "error", text: error.message }));
    }
  }

  function render(detail) {
    const event = detail.event;
    title.textContent = `${event.event_type} / ${event.sub_event_type}`;
    dialog.dataset.eventId = event.id;
    const left = el("div", { class: "ev-main" },
      facts(event),
      claimsSection(event, detail.documents, dialog),
      createReviewForm(event, meta, async (changes, reason, user) => {
        const updated = await api.patchEvent(event.id, changes, reason, user);
        render(updated);
        body.querySelector(".review-form .form-status").textContent =
          `Saved: ${Object.keys(changes).join(", ")}.`;
        onSaved(event.id);
      }),
      auditSection(detail.audit || []),
      mergesSection(detail.merges || [], meta, async (mergeId, reason, user) => {
        await api.splitEvent(event.id, mergeId, reason, user);
        onSaved(event.id);
        await open(event.id);
      }),
      createMergeForm(event, loadedEvents(), meta, async (otherId, reason, user) => {
        const merged = await api.mergeEvents(event.id, otherId, reason, user);
        onSaved(merged.event.id);
        if (merged.event.id !== event.id) window.location.hash = `event=${encodeURIComponent(merged.event.id)}`;
        else render(merged);
      }),
    );
    const right = el("div", { class: "ev-articles" },
      el("h3", { text: `Article${detail.documents.length === 1 ? "" : "s"}` }),
      detail.documents.map((doc) => renderDocument(doc, claimsOf(event, doc.id))),
    );
    clear(body).append(left, right);
  }

  return { open, close: () => dialog.open && dialog.close(), get current() { return current; } };
}

function claimsOf(event, documentId) {
  return (event.claims || [])
    .map((claim, index) => ({ ...claim, index, label: claimLabel(claim) }))
    .filter((claim) => claim.document_id === documentId);
}

function claimLabel(claim) {
  return `${claim.kind} ${figure(claim)} (${claim.qualifier}${claim.source ? `, ${claim.source}` : ""})`;
}

function figure(claim) {
  const { low, high } = claim;
  if (low === high) return low ?? "?";
  if (high === null || high === undefined) return `${low}+`;
  if (low === null || low === undefined) return `≤${high}`;
  return `${low}–${high}`;
}

function shorten(text, max = 90) {
  return text.length <= max ? text : `${text.slice(0, max).replace(/\s+\S*$/, "")}…`;
}

function facts(event) {
  const reviewed = new Set(event.reviewed_fields || []);
  const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
  swatch.style.background = typeColor(event.event_type);
  const rows = [
    ["Type", [swatch, `${event.event_type} / ${event.sub_event_type}`], ["event_type", "sub_event_type"]],
    ["Date", `${event.event_date || "unknown"}${event.date_precision ? ` (${event.date_precision})` : ""}`, ["event_date", "date_precision"]],
    ["Actor 1", fmtActor(event.actor1), ["actor1"]],
    ["Actor 2", fmtActor(event.actor2), ["actor2"]],
    ["Place", placeText(event.location), ["location"]],
    ["Fatalities", fmtFigures(event.fatalities), ["fatalities"]],
    ["Injuries", fmtFigures(event.injuries), ["injuries"]],
    ["Sources", (event.sources || []).join(", ") || "–", []],
    ["Confidence", String(event.confidence ?? "–"), []],
  ];
  const list = el("dl", { class: "facts" });
  for (const [name, value, fields] of rows) {
    const mark = fields.some((f) => reviewed.has(f))
      ? el("span", { class: "badge", text: "reviewed" }) : null;
    list.append(el("dt", { text: name }), el("dd", { dataset: { field: fields[0] || "" } }, value, mark ? " " : null, mark));
  }
  return el("section", { class: "facts-section" },
    event.summary ? el("p", { class: "summary", text: event.summary }) : null, list);
}

function placeText(location) {
  if (!location) return "–";
  const coords = Number.isFinite(location.latitude)
    ? ` (${location.latitude.toFixed(3)}, ${location.longitude.toFixed(3)})` : "";
  return `${fmtPlace(location)}${coords}`;
}

function claimsSection(event, documents, dialog) {
  const texts = new Map(documents.map((d) => [d.id, d.text || ""]));
  const claims = event.claims || [];
  const section = el("section", { class: "claims" }, el("h3", { text: `Claims (${claims.length})` }));
  if (!claims.length) {
    section.append(el("p", { class: "empty", text: "No casualty claims." }));
    return section;
  }
  const head = ["Kind", "Figure", "Qualifier", "Victims", "Source", "Reported", "Sentence"];
  const table = el("table", { class: "claims-table" },
    el("thead", {}, el("tr", {}, head.map((h) => el("th", { scope: "col", text: h })))));
  const tbody = el("tbody");
  claims.forEach((claim, index) => {
    const found = texts.has(claim.document_id) && validSpan(claim.span, texts.get(claim.document_id));
    const quote = el("td", { class: "quote" },
      el("q", { text: shorten(claim.quote || ""), title: claim.quote || "" }));
    if (found) {
      quote.append(" ", el("button", {
        type: "button", class: "link", text: "show in article",
        onclick: () => showClaim(dialog, index),
      }));
    }
    tbody.append(el("tr", { dataset: { claim: String(index) } },
      el("td", { text: claim.kind }),
      el("td", { class: "num", text: String(figure(claim)) }),
      el("td", { text: claim.qualifier }),
      el("td", { text: claim.victims || "–" }),
      el("td", { text: claim.source || "unattributed" }),
      el("td", { class: "nowrap", text: claim.reported_at || "–" }),
      quote));
  });
  table.append(tbody);
  section.append(table);
  return section;
}

function showClaim(dialog, index) {
  const mark = dialog.querySelector(`mark[data-claims~="${index}"]`);
  if (!mark) return;
  for (const old of dialog.querySelectorAll("mark.flash")) old.classList.remove("flash");
  for (const part of dialog.querySelectorAll(`mark[data-claims~="${index}"]`)) part.classList.add("flash");
  mark.scrollIntoView({ block: "center", behavior: "smooth" });
}

function reasonsText(reasons) {
  if (Array.isArray(reasons)) return reasons.map(value).join(", ");
  if (reasons && typeof reasons === "object") {
    return Object.entries(reasons).map(([k, v]) => `${k}: ${value(v)}`).join(", ");
  }
  return value(reasons);
}

function value(v) {
  if (v === null || v === undefined) return "–";
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

function auditSection(audit) {
  const section = el("section", { class: "audit" }, el("h3", { text: `Audit trail (${audit.length})` }));
  if (!audit.length) {
    section.append(el("p", { class: "empty", text: "No human changes yet." }));
    return section;
  }
  const head = ["When", "Who", "Action", "Field", "Before", "After", "Reason"];
  const table = el("table", { class: "audit-table" },
    el("thead", {}, el("tr", {}, head.map((h) => el("th", { scope: "col", text: h })))));
  const tbody = el("tbody");
  for (const record of audit) {
    tbody.append(el("tr", {},
      el("td", { text: value(record.at).replace("T", " ").slice(0, 19) }),
      el("td", { text: value(record.user) }),
      el("td", { text: value(record.action) }),
      el("td", { text: value(record.field) }),
      el("td", { class: "val", text: value(record.before) }),
      el("td", { class: "val", text: value(record.after) }),
      el("td", { text: value(record.reason) })));
  }
  table.append(tbody);
  section.append(table);
  return section;
}

function mergesSection(merges, meta, onSplit) {
  if (!merges.length) return null;
  const list = el("ul", { class: "merges-list" });
  for (const m of merges) {
    const when = (at) => value(at).replace("T", " ").slice(0, 16);
    list.append(el("li", {},
      `Event ${m.absorbed_event_id} merged into this one by ${value(m.merged_by)} on ` +
        `${when(m.merged_at)} (score ${value(m.score)}; ${reasonsText(m.reasons)})` +
        `${m.split_at ? `; split out again on ${when(m.split_at)}` : ""}`,
      m.split_at ? null : createSplitForm(m, meta, onSplit)));
  }
  return el("section", { class: "merges" }, el("h3", { text: `Merges (${merges.length})` }), list);
}
