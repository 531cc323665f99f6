#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing. Nothing else is fetched:
# Playwright drives this system browser (playwright-core never downloads a browser build).
# Waits for the dpkg lock, since other jobs on the machine may be installing packages too.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "browser tests: installing Debian's chromium (apt-get), once per machine" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=900 update -qq >&2
apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
test -x /usr/bin/chromium
