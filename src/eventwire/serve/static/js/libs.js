// The vendored libraries are classic scripts (loaded before the modules by index.html); this
// module hands their globals to the ES modules so that nothing else reads `window` for them.

export const L = window.L;
export const topojson = window.topojson;

if (!L || !topojson) {
  throw new Error("vendored front-end libraries are missing: run scripts/vendor_frontend.sh");
}
