// Sums the Vitest JSON reports in a folder (plus counts of non-test checks) and prints the
// closing line "N passed, N failed". Exits non-zero on any failure or a missing report.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, extraPassed = '0', extraFailed = '0'] = process.argv.slice(2);
let passed = Number(extraPassed);
let failed = Number(extraFailed);
const expected = ['sqlite.json', 'postgres.json', 'e2e.json'];
for (const name of expected) {
  const file = join(dir, name);
  if (!existsSync(file)) {
    console.log(`missing report ${name}: that suite did not run to the end`);
    failed += 1;
  }
}
for (const name of existsSync(dir) ? readdirSync(dir) : []) {
  if (!name.endsWith('.json')) continue;
  const report = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  const suiteFailures = report.testResults?.filter((r) => r.status === 'failed' && r.assertionResults?.length === 0).length ?? 0;
  console.log(`${name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests ?? 0} skipped, ${suiteFailures} file(s) failed to load`);
  passed += report.numPassedTests;
  failed += report.numFailedTests + suiteFailures;
  if (report.numTotalTests === 0) failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
