// DOM helpers. Everything that may hold untrusted text (titles, article text, quotes, actor
// names) goes through text nodes: this module never touches innerHTML.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.setAttribute("class", value);
    else if (key === "text") node.textContent = String(value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") {
      node.addEventListener(key.slice(2), value);
    } else node.setAttribute(key, value === true ? "" : String(value));
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** An href for a URL from the data, or null when it is not plain http(s). */
export function safeUrl(value) {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value, window.location.href);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

export function fmtNumber(value) {
  return value === null || value === undefined ? "–" : Number(value).toLocaleString("en");
}

/** "77 (71–100)" for a {low, best, high} figure. */
export function fmtFigures(figures) {
  if (!figures || figures.best === null || figures.best === undefined) return "–";
  const { low, best, high } = figures;
  const range = low !== high && (low !== null || high !== null);
  return range ? `${fmtNumber(best)} (${fmtNumber(low)}–${fmtNumber(high)})` : fmtNumber(best);
}

export function fmtActor(actor) {
  return actor && actor.name ? actor.name : "–";
}

export function fmtPlace(location) {
  if (!location) return "–";
  const parts = [location.name, location.admin1, location.country].filter(Boolean);
  return [...new Set(parts)].join(", ") || "–";
}

export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
