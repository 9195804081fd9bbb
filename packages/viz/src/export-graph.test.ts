import { Value } from '@chainrule/core';
import { toDot } from './to-dot';
import { toGexf } from './to-gexf';
import { toGraphml } from './to-graphml';
import { toMermaid } from './to-mermaid';

/** x, then `depth` unary ops on it: a chain far deeper than any recursion could go. */
function chain(depth: number): Value {
  let v = new Value(0.5, 'x');
  for (let k = 0; k < depth; k++) v = v.neg();
  return v;
}

describe('graph exports at scale', () => {
  it('export a 20,000-deep chain without recursion (DOT, GraphML) and a 5,000-deep one as GEXF', () => {
    const deep = chain(20_000);
    expect(toDot(deep).match(/ -> /g)).toHaveLength(40_000);
    expect(toGraphml(deep).match(/<edge /g)).toHaveLength(40_000);
    expect(toGexf(chain(5_000)).match(/<edge /g)).toHaveLength(10_000);
  });

  it('refuse a 10^6-node chain with the limit, and point to toJSON or the option', () => {
    const huge = chain(1_000_000);
    const cases: [string, () => string, RegExp][] = [
      [
        'toDot',
        () => toDot(huge),
        /over the limit of 500000 for this format \(Graphviz cannot lay out more in reasonable time\)/,
      ],
      ['toGraphml', () => toGraphml(huge), /over the limit of 500000 for this format/],
      ['toGexf', () => toGexf(huge), /over the limit of 20000 for this format \(graphology-gexf's writer/],
      ['toMermaid', () => toMermaid(huge), /over the limit of 501 for this format \(Mermaid draws at most 500 edges\)/],
    ];
    for (const [where, call, message] of cases) {
      expect(call).toThrow(new RegExp(`^@chainrule/viz/${where}: the graph has 1000001 Values, `));
      expect(call).toThrow(message);
      expect(call).toThrow(
        /Export it with toJSON, which handles millions of nodes, or pass \{ maxValues: 1000001 \} to try anyway\.$/,
      );
    }
  });
});
