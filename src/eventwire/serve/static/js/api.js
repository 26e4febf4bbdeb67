// The HTTP API client. Tokens are entered by the analyst and kept in sessionStorage only (gone
// when the tab closes); they travel as `Authorization: Bearer` headers.

const KEYS = { write: "eventwire.writeToken", read: "eventwire.readToken", user: "eventwire.user" };

export const settings = {
  get writeToken() { return sessionStorage.getItem(KEYS.write) || ""; },
  get readToken() { return sessionStorage.getItem(KEYS.read) || ""; },
  get user() { return sessionStorage.getItem(KEYS.user) || ""; },
  save({ writeToken, readToken, user }) {
    store(KEYS.write, writeToken);
    store(KEYS.read, readToken);
    store(KEYS.user, user);
  },
};

function store(key, value) {
  if (value) sessionStorage.setItem(key, value);
  else sessionStorage.removeItem(key);
}

export class ApiError extends Error {
  constructor(status, detail) {
    super(describe(status, detail));
    this.status = status;
    this.detail = detail;
  }
}

function describe(status, detail) {
  if (status === 401) return "A token is needed for this: enter it in Settings.";
  if (status === 403) return "The server refused the token (or writes are disabled).";
  if (status === 405) return "Writes are disabled on this server.";
  if (status === 404) return "Not found.";
  if (status === 422 && Array.isArray(detail)) {
    return "Invalid input: " + detail.map((d) => `${(d.loc || []).join(".")}: ${d.msg}`).join("; ");
  }
  if (typeof detail === "string") return detail;
  return `The server answered ${status}.`;
}

/** Query string from a filter object, skipping empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

async function request(path, { method = "GET", body = null, write = false, raw = false } = {}) {
  const headers = { Accept: "application/json" };
  const token = write ? settings.writeToken : settings.readToken;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== null) headers["Content-Type"] = "application/json";
  const response = await fetch(path, {
    method,
    headers,
    body: body === null ? undefined : JSON.stringify(body),
    credentials: "same-origin",
  });
  if (!response.ok) {
    let detail = null;
    try {
      detail = (await response.json()).detail;
    } catch {
      detail = null;
    }
    throw new ApiError(response.status, detail);
  }
  return raw ? response : response.json();
}

/** The dashboard loads at most this many events (the map and table show all of them). */
export const MAX_EVENTS = 5000;

export const api = {
  meta: () => request("/api/meta"),
  events: (filters, { limit = 1000, cursor = null } = {}) =>
    request(`/api/events${query({ ...filters, limit, cursor })}`),
  event: (id) => request(`/api/events/${encodeURIComponent(id)}`),
  timeseries: (filters, interval, by = "event_type") =>
    request(`/api/timeseries${query({ ...filters, interval, by })}`),
  patchEvent: (id, changes, reason, user) =>
    request(`/api/events/${encodeURIComponent(id)}`, {
      method: "PATCH",
      body: { changes, reason, user },
      write: true,
    }),
  mergeEvents: (id, otherId, reason, user) =>
    request(`/api/events/${encodeURIComponent(id)}/merge`, {
      method: "POST",
      body: { other_id: otherId, reason, user },
      write: true,
    }),
  splitEvent: (id, mergeId, reason, user) =>
    request(`/api/events/${encodeURIComponent(id)}/split`, {
      method: "POST",
      body: { merge_id: mergeId, reason, user },
      write: true,
    }),
  exportFile: (filters, format) =>
    request(`/api/export${query({ ...filters, format })}`, { raw: true }),

  /** The pages after `first`, following cursors until `max` events are loaded. */
  async *nextPages(filters, first, max = MAX_EVENTS) {
    let page = first;
    let loaded = first.items.length;
    while (page.next_cursor && loaded < max) {
      page = await api.events(filters, { cursor: page.next_cursor });
      loaded += page.items.length;
      yield page;
    }
  },
};
