/**
 * Ends each Vitest run with one plain line, "unit: 496 passed, 0 failed", that CI and people
 * can read without knowing Vitest's own layout.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  private name = 'tests';

  onInit(ctx: { config: { project?: string[] } }): void {
    const projects = ctx.config.project;
    if (projects && projects.length === 1 && projects[0]) this.name = projects[0];
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed++;
    }
    process.stdout.write(`\n${this.name}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
