#!/usr/bin/env bash
# Installs what the file tests read our exports with, where missing: GDAL's ogrinfo (Debian's
# gdal-bin, the library QGIS reads files with) and Python 3 (its csv module). Nothing else is
# fetched. Waits for the dpkg lock, since other jobs on the machine may be installing packages too.
set -euo pipefail
missing=()
command -v ogrinfo >/dev/null 2>&1 || missing+=(gdal-bin)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "file tests: installing ${missing[*]} (apt-get), once per machine" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=900 update -qq >&2
apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}" >&2
command -v ogrinfo >/dev/null && command -v python3 >/dev/null
