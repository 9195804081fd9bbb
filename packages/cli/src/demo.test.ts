// `chainrule demo` on the built executable: the article's walkthrough with its numbers.
import { runCli } from './test-support/run-cli';

describe('chainrule demo', () => {
  it("prints the article's first gradient and steps", () => {
    const run = runCli(['demo']);
    expect(run.code).toBe(0);
    for (const number of ['2.1', '0.59', '0.4745', '0.410975']) expect(run.stdout).toContain(number);
  });
});
