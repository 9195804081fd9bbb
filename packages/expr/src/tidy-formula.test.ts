// tidyFormula: the clean-up rules one by one, and a long chain without recursion.
import type { MathNode } from 'mathjs';
import { math } from './math';
import type { ExprNode } from './program';
import { tidyFormula } from './tidy-formula';

const tidy = (src: string) => tidyFormula(math().parse(src) as MathNode).toString();

describe('tidyFormula', () => {
  it.each([
    ['x + 0', 'x'],
    ['0 + x', 'x'],
    ['x - 0', 'x'],
    ['0 - x', '-x'],
    ['x * 1 * (y * 0 + 1)', 'x'],
    ['x ^ 1 + y ^ 0', 'x + 1'],
    ['-(-x)', 'x'],
    ['x * -1', '-x'],
    ['x + -y', 'x - y'],
    ['x - -y', 'x + y'],
    ['(2 - 1) * 3 + x * 2', '3 + 2 * x'],
    ['0 / x + x / 1', 'x'],
    ['exp((x))', 'exp(x)'],
  ])('%s -> %s', (src, expected) => {
    expect(tidy(src)).toBe(expected);
  });

  it('walks a 5,000-term chain iteratively', () => {
    const src = Array.from({ length: 5000 }, () => 'x * 1').join(' + ');
    const root = tidyFormula(math().parse(src) as MathNode) as unknown as ExprNode;
    const counts: Record<string, number> = {};
    const stack = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      counts[node.type] = (counts[node.type] ?? 0) + 1;
      stack.push(...(node.args ?? []));
    }
    expect(counts).toEqual({ SymbolNode: 5000, OperatorNode: 4999 });
  });
});
