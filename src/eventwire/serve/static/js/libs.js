// The vendored libraries are classic deferred scripts; this module hands their globals to the ES
// modules. The page's module runs before they have executed (so that it can start fetching data
// at once): `librariesReady()` resolves when they are there.

export let L = window.L;
export let topojson = window.topojson;

export function librariesReady() {
  return new Promise((resolve, reject) => {
    const done = () => {
      L = window.L;
      topojson = window.topojson;
      if (L && topojson) resolve();
      else reject(new Error("vendored front-end libraries are missing: run scripts/vendor_frontend.sh"));
    };
    if (window.L && window.topojson) done();
    else window.addEventListener("DOMContentLoaded", done, { once: true });
  });
}
