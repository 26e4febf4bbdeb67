#!/usr/bin/env bash
# Vendor the dashboard's front-end libraries from npm into src/eventwire/serve/static/vendor/.
# Versions are pinned in frontend/package.json and frontend/package-lock.json. The copied files are
# committed, so running the app or its tests never needs npm or the network. Re-run this after
# changing a pinned version, then commit static/vendor/.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
vendor="$root/src/eventwire/serve/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cp "$root/frontend/package.json" "$root/frontend/package-lock.json" "$work/"
(cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --silent)
mods="$work/node_modules"

rm -rf "$vendor"
mkdir -p "$vendor/leaflet/images" "$vendor/topojson-client" "$vendor/world-atlas"

# Leaflet: the minified build (sets a `L` global), its stylesheet and the images the stylesheet points at.
cp "$mods/leaflet/dist/leaflet.js" "$vendor/leaflet/"
cp "$mods/leaflet/dist/leaflet.css" "$vendor/leaflet/"
cp "$mods/leaflet/dist/images/"*.png "$vendor/leaflet/images/"
cp "$mods/leaflet/LICENSE" "$vendor/leaflet/LICENSE"

# topojson-client: the UMD bundle (sets a `topojson` global when loaded as a classic script).
cp "$mods/topojson-client/dist/topojson-client.min.js" "$vendor/topojson-client/"
cp "$mods/topojson-client/LICENSE" "$vendor/topojson-client/LICENSE"

# world-atlas: Natural Earth 1:110m and 1:50m country outlines as TopoJSON (public domain data).
cp "$mods/world-atlas/countries-110m.json" "$mods/world-atlas/countries-50m.json" \
  "$vendor/world-atlas/"
cp "$mods/world-atlas/LICENSE" "$vendor/world-atlas/LICENSE"

{
  echo "Vendored by scripts/vendor_frontend.sh from frontend/package-lock.json:"
  for pkg in leaflet topojson-client world-atlas; do
    node -e "const p=require('$mods/$pkg/package.json');console.log('  '+p.name+'@'+p.version+' ('+p.license+')')"
  done
  echo "Country outlines: Made with Natural Earth (naturalearthdata.com), public domain,"
  echo "via the world-atlas package."
} > "$vendor/VERSIONS.txt"

echo "vendored into $vendor:"
(cd "$vendor" && find . -type f | sort)
