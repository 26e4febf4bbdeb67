// Event type colours (Okabe-Ito palette, readable with the common colour-vision deficiencies).

export const TYPE_COLORS = {
  Battles: "#d55e00",
  "Explosions/Remote violence": "#e69f00",
  "Violence against civilians": "#cc79a7",
  Protests: "#0072b2",
  Riots: "#009e73",
  "Strategic developments": "#56b4e9",
};

export const OTHER_COLOR = "#7a7a7a";

export function typeColor(eventType) {
  return TYPE_COLORS[eventType] || OTHER_COLOR;
}

/** Marker radius in pixels: grows with the square root of fatalities, so area tracks the toll. */
export function markerRadius(fatalities) {
  const value = Math.max(0, Number(fatalities) || 0);
  return Math.min(30, 5 + 2.2 * Math.sqrt(value));
}
