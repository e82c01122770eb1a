// Adds up the vitest, Playwright and demo-check JSON reports into one closing line: "N passed, N failed, N skipped".
import fs from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
const [vitestReport, playwrightReport, demoReport] = process.argv.slice(2);

if (vitestReport && fs.existsSync(vitestReport)) {
  const report = JSON.parse(fs.readFileSync(vitestReport, "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A file that failed to load counts as a failure even though none of its tests ran.
  failed += (report.testResults ?? []).filter((file) => file.status === "failed" && file.assertionResults?.length === 0).length;
}
if (playwrightReport && fs.existsSync(playwrightReport)) {
  const { stats } = JSON.parse(fs.readFileSync(playwrightReport, "utf8"));
  passed += (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  failed += stats?.unexpected ?? 0;
  skipped += stats?.skipped ?? 0;
}
if (demoReport && fs.existsSync(demoReport)) {
  const report = JSON.parse(fs.readFileSync(demoReport, "utf8"));
  passed += report.passed ?? 0;
  failed += report.failed ?? 0;
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
