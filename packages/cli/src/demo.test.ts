// `chainrule demo` (what `npm start` runs) on the built executable: the article's walkthrough with
// its numbers, and the pictures it writes — checked against the article and parsed as XML.
import fs from 'fs';
import path from 'path';
import { DOMParser } from '@xmldom/xmldom';
import { articleDescent, articleGraph, slipDerivative } from './demo';
import { runCli, tempDir } from './test-support/run-cli';

/** Parses XML, throwing on any error (a test then fails on output that is not well-formed). */
function parseXml(text: string): void {
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`XML ${level}: ${message}`);
    },
  });
  parser.parseFromString(text, 'image/svg+xml');
}

describe('chainrule demo', () => {
  const out = path.join(tempDir(), 'pictures');
  const run = runCli(['demo', '--out', out]);

  it("prints the article's gradient, the chain-rule factors and the updates", () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('dC/dw = dC/da · da/dw   = 1.4 × 1.5 = 2.1');
    expect(run.stdout).toContain('step 1: w = 0.8 − 0.1 × 2.1 = 0.59');
    for (const w of ['0.590000000000', '0.474500000000', '0.410975000000']) expect(run.stdout).toContain(w);
    expect(run.stdout).toContain('after 100 steps w = 0.33333333333333337');
    expect(run.stdout).toContain('all derivatives agree');
  });

  it('writes the four pictures as well-formed documents and lists them', () => {
    for (const name of ['seed-graph.svg', 'seed-descent.svg', 'seed-check.svg', 'seed.html']) {
      const file = path.join(out, name);
      expect(run.stdout).toContain(file);
      expect(fs.statSync(file).size).toBeGreaterThan(1000);
    }
    for (const name of ['seed-graph.svg', 'seed-descent.svg', 'seed-check.svg']) {
      expect(() => parseXml(fs.readFileSync(path.join(out, name), 'utf8'))).not.toThrow();
    }
    const check = fs.readFileSync(path.join(out, 'seed-check.svg'), 'utf8');
    expect(check).toContain('1.05'); // the slip's value, drawn beside autograd's 2.1
    expect(fs.readFileSync(path.join(out, 'seed.html'), 'utf8')).toContain('Content-Security-Policy');
  });
});

describe('the walkthrough against the article', () => {
  it('reproduces dC/dw = 2.1 and the updates 0.59, 0.4745, 0.410975 -> 1/3', () => {
    const steps = articleDescent(100);
    expect(steps[0].gradient).toBeCloseTo(2.1, 12);
    expect(steps.slice(1, 4).map((s) => s.w)).toEqual([
      expect.closeTo(0.59, 12),
      expect.closeTo(0.4745, 12),
      expect.closeTo(0.410975, 12),
    ]);
    expect(Math.abs(steps[100].w - 1 / 3)).toBeLessThan(1e-12);
  });

  it('matches the closed form: w_k − 1/3 = (1 − 2ηi²)^k (w_0 − 1/3)', () => {
    const steps = articleDescent(10);
    steps.forEach((s, k) => expect(s.w - 1 / 3).toBeCloseTo(Math.pow(1 - 2 * 0.1 * 1.5 * 1.5, k) * (0.8 - 1 / 3), 12));
  });

  it('shows a slip that really disagrees with autograd', () => {
    const { w, C } = articleGraph();
    C.backward();
    expect(slipDerivative(1.5, 0.8, 0.5)).toBeCloseTo(1.05, 12);
    expect(Math.abs(slipDerivative(1.5, 0.8, 0.5) - w.grad)).toBeGreaterThan(1);
  });
});
