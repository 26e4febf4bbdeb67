// An article's text with each claim's source sentence highlighted. The text is cut at every span
// boundary and each piece becomes a text node, wrapped in <mark> when claims cover it.

import { el, safeUrl } from "./dom.js";

/** claims: [{index, span: [start, end], label}] for this document. */
export function renderDocument(doc, claims) {
  const url = safeUrl(doc.url);
  const meta = [doc.source, doc.published ? String(doc.published).slice(0, 10) : null]
    .filter(Boolean).join(" · ");
  const section = el("article", { class: "document", dataset: { documentId: doc.id } });
  section.append(el("h4", { class: "doc-title", text: doc.title || "(untitled document)" }));
  const line = el("p", { class: "doc-meta" }, meta || "source unknown");
  if (url) {
    line.append(" · ", el("a", { href: url, rel: "noopener noreferrer", target: "_blank", text: "original" }));
  }
  section.append(line);
  section.append(el("div", { class: "article-text" }, highlighted(doc.text || "", claims)));
  return section;
}

export function validSpan(span, text) {
  if (!Array.isArray(span) || span.length !== 2) return false;
  const [start, end] = span;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end &&
    end <= text.length;
}

function highlighted(text, claims) {
  const usable = claims.filter((c) => validSpan(c.span, text));
  const cuts = new Set([0, text.length]);
  for (const claim of usable) {
    cuts.add(claim.span[0]);
    cuts.add(claim.span[1]);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = usable.filter((c) => c.span[0] <= start && c.span[1] >= end);
    const piece = document.createTextNode(text.slice(start, end));
    if (!covering.length) {
      pieces.push(piece);
      continue;
    }
    pieces.push(el("mark", {
      class: "claim-hl",
      title: covering.map((c) => c.label).join("; "),
      dataset: { claims: covering.map((c) => c.index).join(" ") },
    }, piece));
  }
  return pieces;
}
