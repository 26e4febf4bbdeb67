// The timeline: stacked bars of events per day or week, coloured by event type, with a line of
// fatalities on a second axis. Hand-drawn SVG; a click on a bar filters to that day or week.

import { clear, el, fmtNumber, svg } from "./dom.js";
import { typeColor } from "./colors.js";

const DAY = 86400000;
const HEIGHT = 180;
const M = { top: 24, right: 46, bottom: 26, left: 40 };

export function createTimeline(container, { onPick }) {
  let last = null;
  const observer = new ResizeObserver(() => last && draw(container, last, onPick));
  observer.observe(container);
  return {
    render(timeseries) {
      last = timeseries;
      draw(container, timeseries, onPick);
    },
  };
}

/** Day buckets for spans up to four months, week buckets beyond. */
export function chooseInterval(since, until) {
  if (!since || !until) return "week";
  return (parseDay(until) - parseDay(since)) / DAY <= 120 ? "day" : "week";
}

function parseDay(text) {
  const [y, m, d] = text.slice(0, 10).split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

function buckets(timeseries) {
  const byDate = new Map();
  for (const series of timeseries.series || []) {
    for (const point of series.points) {
      const bucket = byDate.get(point.date) || { date: point.date, events: 0, fatalities: 0, parts: [] };
      bucket.events += point.events;
      bucket.fatalities += point.fatalities || 0;
      bucket.parts.push({ key: series.key, events: point.events });
      byDate.set(point.date, bucket);
    }
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

function draw(container, timeseries, onPick) {
  clear(container);
  const data = buckets(timeseries);
  if (!data.length) {
    container.append(el("p", { class: "empty", text: "No dated events match the filters." }));
    return;
  }
  const step = timeseries.interval === "week" ? 7 * DAY : DAY;
  const width = Math.max(container.clientWidth, 320);
  const x0 = parseDay(data[0].date);
  const x1 = parseDay(data[data.length - 1].date) + step;
  const plotW = width - M.left - M.right;
  const plotH = HEIGHT - M.top - M.bottom;
  const x = (ms) => M.left + ((ms - x0) / (x1 - x0)) * plotW;
  const maxEvents = Math.max(...data.map((d) => d.events), 1);
  const maxDead = Math.max(...data.map((d) => d.fatalities), 1);
  const yEvents = (v) => M.top + plotH - (v / maxEvents) * plotH;
  const yDead = (v) => M.top + plotH - (v / maxDead) * plotH;
  const barW = Math.max(2, Math.min(40, (step / (x1 - x0)) * plotW * 0.8));

  const totalEvents = data.reduce((s, d) => s + d.events, 0);
  const totalDead = data.reduce((s, d) => s + d.fatalities, 0);
  const chart = svg("svg", {
    width, height: HEIGHT, class: "timeline-svg", role: "img",
    "aria-label": `Timeline: ${totalEvents} events and ${totalDead} fatalities from ` +
      `${data[0].date} to ${data[data.length - 1].date}, per ${timeseries.interval}.`,
  });
  chart.append(axes({ x0, x1, x, maxEvents, maxDead, yEvents, yDead, width, plotH }));

  for (const bucket of data) {
    const start = parseDay(bucket.date);
    const left = x(start) + ((step / (x1 - x0)) * plotW - barW) / 2;
    let stacked = 0;
    const group = svg("g", { class: "bucket", dataset: { date: bucket.date } });
    for (const part of bucket.parts) {
      const top = yEvents(stacked + part.events);
      group.append(svg("rect", {
        x: left, y: top, width: barW, height: yEvents(stacked) - top, fill: typeColor(part.key),
      }));
      stacked += part.events;
    }
    const hit = svg("rect", {
      x: left - 2, y: M.top, width: barW + 4, height: plotH, class: "hit",
    }, svg("title", {
      text: `${bucket.date}${timeseries.interval === "week" ? " (week)" : ""}: ` +
        `${bucket.events} events, ${bucket.fatalities} fatalities. Click to filter.`,
    }));
    hit.addEventListener("click", () => onPick(bucket.date, isoDay(start + step - DAY)));
    group.append(hit);
    chart.append(group);
  }

  const half = ((step / (x1 - x0)) * plotW) / 2;
  const line = lineSeries(data, x0, x1, step).map((d) => `${x(d.ms) + half},${yDead(d.fatalities)}`);
  chart.append(svg("polyline", { points: line.join(" "), class: "dead-line" }));
  for (const bucket of data.length <= 120 ? data : []) {
    if (!bucket.fatalities) continue;
    const cx = x(parseDay(bucket.date)) + half;
    chart.append(svg("circle", { cx, cy: yDead(bucket.fatalities), r: 2.5, class: "dead-dot" }));
  }
  container.append(chart);
}

/** Fatalities per bucket with the empty buckets as zeros, so the line does not bridge gaps. */
function lineSeries(data, x0, x1, step) {
  const known = new Map(data.map((d) => [parseDay(d.date), d.fatalities]));
  if ((x1 - x0) / step > 3000) return data.map((d) => ({ ms: parseDay(d.date), fatalities: d.fatalities }));
  const out = [];
  for (let ms = x0; ms < x1; ms += step) out.push({ ms, fatalities: known.get(ms) || 0 });
  return out;
}

function axes({ x0, x1, x, maxEvents, maxDead, yEvents, yDead, width, plotH }) {
  const group = svg("g", { class: "axes" });
  const bottom = M.top + plotH;
  group.append(svg("line", { x1: M.left, x2: width - M.right, y1: bottom, y2: bottom }));
  group.append(label(M.left - 6, yEvents(maxEvents) + 4, fmtNumber(maxEvents), "end", "events"));
  group.append(label(M.left - 6, bottom, "0", "end", "events"));
  group.append(label(width - M.right + 6, yDead(maxDead) + 4, fmtNumber(maxDead), "start", "dead"));
  group.append(label(width - M.right + 6, bottom, "0", "start", "dead"));
  group.append(label(4, 11, "events", "start", "events axis-title"));
  group.append(label(width - 4, 11, "fatalities", "end", "dead axis-title"));
  const ticks = Math.min(6, Math.max(2, Math.floor((width - M.left - M.right) / 110)));
  for (let i = 0; i <= ticks; i += 1) {
    const ms = x0 + ((x1 - x0) * i) / ticks;
    group.append(label(x(ms), bottom + 16, isoDay(ms), i === 0 ? "start" : i === ticks ? "end" : "middle", "tick"));
  }
  return group;
}

function label(xPos, yPos, text, anchor, cls) {
  return svg("text", { x: xPos, y: yPos, "text-anchor": anchor, class: cls, text });
}
