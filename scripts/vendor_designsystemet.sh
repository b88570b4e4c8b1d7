#!/usr/bin/env bash
# Copy Designsystemet's CSS from the npm packages into static/vendor/designsystemet/.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-1.22.0}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "@digdir/designsystemet-css@$version" >/dev/null && tar xzf ./*.tgz)
dest=static/vendor/designsystemet
cp "$work/package/dist/src/index.css" "$dest/designsystemet.css"
cp "$work/package/dist/theme/designsystemet.css" "$dest/theme.css"
cp "$work/package/LICENSE" "$dest/LICENSE"
echo "Vendored @digdir/designsystemet-css $version; update the version in $dest/README.md."
