#!/usr/bin/env bash
# Every test: unit tests (Vitest, Node) then browser tests (Playwright, Chromium), then one summary line.
set -u
cd "$(dirname "$0")/.."
source scripts/ensure-chromium.sh
rm -rf test-results
mkdir -p test-results

# Types first: svelte-check on the app, then the workers', Node's and the tests' tsconfigs.
npm run --silent check
check_status=$?
[ $check_status -eq 0 ] || echo "La vérification des types a échoué (npm run check)." >&2

# Layers: components, routes and the shell never import lib/db (they go through lib/state); only repositories touch tables.
npx tsx scripts/check-layers.ts
layers_status=$?

npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json
unit_status=$?
E2E_PORT="${E2E_PORT:-4173}" npx playwright test
e2e_status=$?

TYPECHECK_STATUS=$check_status LAYERS_STATUS=$layers_status npx tsx scripts/test-summary.ts test-results/unit.json "test-results/e2e-${E2E_PORT:-4173}.json"
summary_status=$?
[ $check_status -eq 0 ] && [ $layers_status -eq 0 ] && [ $unit_status -eq 0 ] && [ $e2e_status -eq 0 ] && [ $summary_status -eq 0 ]
