/**
 * toJSON: writes the Value graph under a root as a versioned `chainrule-graph` document (see
 * graph-document.ts), iteratively, so a chain of a million nodes exports like a chain of three.
 */
import { Value, topoSort, describe } from '@chainrule/core';
import { DEFAULT_DOCUMENT_LIMITS, GRAPH_FORMAT, GRAPH_VERSION } from './graph-document';
import { checkSize } from './graph-size';
import { checkLabel } from './label-text';
import { checkKnownOptions } from './render-svg-options';
import type { GraphDocument, GraphDocumentNode } from './graph-document';
import { vizError } from './viz-error';

/** Options of {@link toJSON}. */
export interface ToJsonOptions {
  /**
   * Which ids the document uses. `'compact'` (default): 1..n in document order, so the same graph
   * always gives the same document (and `toJSON(fromJSON(doc).root)` equals `doc`). `'engine'`: each
   * Value's own `id`, to match the keys of `toGraph` (`v<id>`) and the labels of other drawings.
   */
  ids?: 'compact' | 'engine';
  /** Refuse graphs with more nodes than this. Default 4,000,000, what fromJSON reads by default. */
  maxNodes?: number;
  /** Refuse graphs with more input references than this. Default 8,000,000, as fromJSON. */
  maxEdges?: number;
}

/**
 * The graph under `root` as a plain, JSON-ready {@link GraphDocument}: every node with its op,
 * label, data, grad and ordered input ids, inputs before their users. Pass the result to
 * `JSON.stringify` to save it; `fromJSON` rebuilds a live graph from it.
 *
 * Throws when a node holds NaN or ±Infinity (JSON cannot carry them) or a label fromJSON would
 * refuse (not a string, over 10,000 characters), and for graphs over `maxNodes` or `maxEdges`; the
 * message names the node or the limit.
 *
 * @example
 * const w = new Value(0.8, 'w');
 * const C = w.mul(1.5).sub(0.5).pow(2);
 * C.backward();
 * fs.writeFileSync('graph.json', JSON.stringify(toJSON(C)));
 */
export function toJSON(root: Value, options: ToJsonOptions = {}): GraphDocument {
  if (!(root instanceof Value)) {
    throw vizError('toJSON', `expected a Value, got ${describe(root)}.`, 'pass the output Value of your computation');
  }
  checkKnownOptions('toJSON', options, 'options', ['ids', 'maxNodes', 'maxEdges']);
  const ids = options.ids ?? 'compact';
  if (ids !== 'compact' && ids !== 'engine') {
    throw vizError(
      'toJSON',
      `options.ids must be 'compact' or 'engine', got ${describe(ids)}.`,
      "leave it out for 'compact'",
    );
  }
  const order = topoSort(root);
  let edges = 0;
  for (const v of order) edges += v.inputs.length;
  checkSize(
    'toJSON',
    { values: order.length, edges },
    {
      maxValues: options.maxNodes ?? DEFAULT_DOCUMENT_LIMITS.maxNodes,
      maxEdges: options.maxEdges ?? DEFAULT_DOCUMENT_LIMITS.maxEdges,
      why: "fromJSON's default limits",
      instead: 'pass the same raised limits to fromJSON when reading it back',
      valuesOption: 'maxNodes',
    },
  );
  // Keyed by Value.id: number keys hash faster than objects, which matters at a million nodes.
  const docId = new Map<number, number>();
  for (let i = 0; i < order.length; i++) docId.set(order[i].id, ids === 'compact' ? i + 1 : order[i].id);

  const nodes: GraphDocumentNode[] = new Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const v = order[i];
    const id = docId.get(v.id)!;
    if (!Number.isFinite(v.data) || !Number.isFinite(v.grad)) {
      const what = Number.isFinite(v.data) ? `grad ${v.grad}` : `data ${v.data}`;
      throw vizError(
        'toJSON',
        `node ${id} (${nodeTitle(v)}) holds ${what}, which JSON cannot represent.`,
        'find where it starts with detectAnomaly from @chainrule/core, or draw it with renderSvg, which shows non-finite numbers',
      );
    }
    const inputs = v.inputs;
    const inputIds: number[] = new Array(inputs.length);
    for (let k = 0; k < inputs.length; k++) inputIds[k] = docId.get(inputs[k].id)!;
    // `+ 0` turns −0 into 0: JSON text cannot tell them apart, so the document never holds −0.
    const label = checkLabel('toJSON', v.label, v.id);
    nodes[i] = { id, op: v.op, label, data: v.data + 0, grad: v.grad + 0, inputs: inputIds };
  }
  return { format: GRAPH_FORMAT, version: GRAPH_VERSION, root: docId.get(root.id)!, nodes };
}

function nodeTitle(v: Value): string {
  const what = v.op === '' ? 'leaf' : v.op === 'const' ? 'constant' : `op ${v.op}`;
  return v.label ? `${JSON.stringify(v.label)}, ${what}` : what;
}
