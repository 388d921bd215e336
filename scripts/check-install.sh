#!/usr/bin/env bash
# The install paths docs/install.md documents, each from a clean prefix, with the package as npm
# would publish it (npm pack): the CLI installed globally into an empty prefix, the CLI by npx from an
# empty directory, and the library (with apialerts-toolkit/sdk) imported by a fresh project.
# Run after `npm run build`. Uses the npm cache the install step filled (--prefer-offline).
set -euo pipefail
cd "$(dirname "$0")/.."
version="$(node -p 'require("./package.json").version')"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tgz="$work/$(npm pack --silent --pack-destination "$work" | tail -1)"
echo "packed $(basename "$tgz") ($(du -k "$tgz" | cut -f1) KB)"

# 1. npm install -g from the tarball (a release asset) into an empty prefix.
npm install -g --prefix "$work/prefix" "$tgz" --prefer-offline --no-audit --no-fund --loglevel=error >/dev/null
got="$("$work/prefix/bin/apialerts" --version)"
[ "$got" = "$version" ] || { echo "install -g: apialerts --version printed '$got', expected '$version'" >&2; exit 1; }
echo "npm install -g --prefix <empty> <tarball>: apialerts --version = $got"

# 2. npx from an empty directory.
mkdir "$work/empty"
got="$(cd "$work/empty" && npm exec --yes --prefer-offline --package "$tgz" -- apialerts --version)"
[ "$got" = "$version" ] || { echo "npx: apialerts --version printed '$got', expected '$version'" >&2; exit 1; }
echo "npx --package <tarball> apialerts --version = $got"

# 3. The library in a fresh project: the main entry and the SDK-shaped entry.
mkdir "$work/app"
(cd "$work/app" && npm init -y >/dev/null && npm pkg set type=module >/dev/null && npm install "$tgz" --prefer-offline --no-audit --no-fund --loglevel=error >/dev/null)
(cd "$work/app" && node --input-type=module -e "
import { VERSION, send, verifySignature, ApiAlerts } from 'apialerts-toolkit';
import { ApiAlerts as Sdk } from 'apialerts-toolkit/sdk';
if (VERSION !== '$version') throw new Error('VERSION ' + VERSION);
for (const [n, f] of Object.entries({ send, verifySignature })) if (typeof f !== 'function') throw new Error(n + ' missing');
if (Sdk !== ApiAlerts || typeof Sdk.configure !== 'function') throw new Error('apialerts-toolkit/sdk does not export ApiAlerts');
const r = await new Sdk().send({ message: 'x' });
if (r.success !== false || r.error !== 'api key is missing') throw new Error(JSON.stringify(r));
console.log('import from apialerts-toolkit and apialerts-toolkit/sdk: ok');
")
