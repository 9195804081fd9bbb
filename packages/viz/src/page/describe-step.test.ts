import { Value } from '@chainrule/core';
import { stepTrace } from '../step-trace';
import { toGraph } from '../to-graph';
import { describeStep } from './describe-step';
import { formatNumber } from './format-number';
import { nodeNames } from './node-names';
import { article } from '../test-support/article';

describe('describeStep', () => {
  const { C } = article();
  const trace = stepTrace(C);
  const names = nodeNames(toGraph(C));

  it('starts with the seed', () => {
    const start = describeStep(trace, names, 0);
    expect(start.lines[0]).toBe('Start: ∂C/∂C = 1, the seed. Gradients appear as backward computes them.');
    expect(start).toMatchObject({ sends: [], done: false });
  });

  it('writes each step of the article as upstream × local = contribution: 2(a − y) = 1.4, then 1.4 × i = 2.1', () => {
    const first = describeStep(trace, names, 1);
    expect(first.lines).toEqual(['Step 1: C passes its gradient 1 back to its inputs:']);
    const twoAminusY = formatNumber(2 * (1.5 * 0.8 - 0.5)); // ∂C/∂(a − y) = 2(a − y), closed form
    expect(first.sends).toEqual([`• a − y: 1 × ${twoAminusY} = ${twoAminusY}`, '• 2: a constant, receives nothing']);
    expect(twoAminusY).toBe('1.4');
    const last = describeStep(trace, names, 3);
    expect(last.lines).toEqual(['Step 3: a passes its gradient 1.4 back to its inputs:']);
    expect(last.sends).toEqual(['• i: 1.4 × 0.8 = 1.12', '• w: 1.4 × 1.5 = 2.1']);
    expect(last.done).toBe(true);
  });

  it('leaves out constants hidden from the graph', () => {
    const hidden = nodeNames(toGraph(C, { constants: false }));
    expect(describeStep(trace, hidden, 1).sends).toEqual(['• a − y: 1 × 1.4 = 1.4']);
  });

  it('shows the running sum when a node receives its second contribution', () => {
    const x = new Value(3, 'x');
    const z = x.mul(x);
    const lines = describeStep(stepTrace(z), nodeNames(toGraph(z)), 1).sends;
    expect(lines).toEqual(['• x: 1 × 3 = 3', `• x: 1 × 3 = 3 (sum so far ${2 * 3})`]);
  });
});
