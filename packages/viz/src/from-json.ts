/**
 * fromJSON: validates a `chainrule-graph` document (see graph-document.ts) and rebuilds it as a live
 * Value graph through the public Value methods and `applyOp` (for `sum` and `dot`), so an imported graph can be re-run,
 * backpropagated and drawn. Every check is iterative; each error names the offending node id.
 */
import { Value, applyOp, constant, opByName, OPS, describe } from '@chainrule/core';
import type { OpRow } from '@chainrule/core';
import { DEFAULT_DOCUMENT_LIMITS, GRAPH_FORMAT, GRAPH_VERSION } from './graph-document';
import { checkKnownOptions } from './render-svg-options';
import type { GraphDocumentLimits } from './graph-document';
import { VizError, vizError } from './viz-error';

const WHERE = 'fromJSON';

/** Options of {@link fromJSON}: the document limits plus the tolerance of the data check. */
export interface FromJsonOptions extends GraphDocumentLimits {
  /**
   * How far an operation's stored `data` may be from the value recomputed from its inputs, relative
   * to max(1, |stored|, |recomputed|). Default 1e-9 (room for a different libm, not for an edit).
   */
  dataTolerance?: number;
}

/** A rebuilt graph: its output and every node by its document id. */
export interface ImportedGraph {
  /** The Value of the document's `root`. */
  root: Value;
  /** Every rebuilt Value, keyed by its id in the document (engine ids are new). */
  nodes: Map<number, Value>;
}

/** A node after validation, with its op row (null for leaves and constants). */
interface CheckedNode {
  id: number;
  op: string;
  row: OpRow | null;
  label: string;
  data: number;
  grad: number;
  inputIds: number[];
}

/**
 * Validates `doc` (an object, or JSON text) and rebuilds its Value graph. Leaves get the stored data,
 * operations are recomputed by the engine (and must agree with the stored data), labels and grads
 * are restored. Throws a {@link VizError} whose `nodeId` is the offending id for: a wrong format or
 * version, a wrong field type, a duplicate id, an unknown op, a wrong number of inputs, an input id
 * that is not in the document, a cycle, a NaN or infinite number, a node not under the root, a stored
 * value that disagrees with the recomputed one, or a document over the limits.
 *
 * Limits (options): maxNodes 4,000,000; maxEdges 8,000,000; maxLabelLength 10,000;
 * maxTextLength 400,000,000 characters. Unknown extra fields are ignored.
 *
 * @example
 * const { root, nodes } = fromJSON(fs.readFileSync('graph.json', 'utf8'));
 * root.backward();
 * nodes.get(2)!.grad; // the gradient of document node 2
 */
export function fromJSON(doc: unknown, options: FromJsonOptions = {}): ImportedGraph {
  checkKnownOptions(WHERE, options, 'options', [
    'maxNodes',
    'maxEdges',
    'maxLabelLength',
    'maxTextLength',
    'dataTolerance',
  ]);
  const limits = { ...DEFAULT_DOCUMENT_LIMITS, ...definedOnly(options) };
  const tolerance = options.dataTolerance ?? 1e-9;
  if (typeof tolerance !== 'number' || !(tolerance >= 0) || !Number.isFinite(tolerance)) {
    throw vizError(
      WHERE,
      `options.dataTolerance must be a finite number >= 0, got ${describe(tolerance)}.`,
      'leave it out for 1e-9',
    );
  }
  const parsed = typeof doc === 'string' ? parseText(doc, limits.maxTextLength) : doc;
  const { rootId, checked, edges } = checkDocument(parsed, limits);

  const position = new Map<number, number>();
  for (let i = 0; i < checked.length; i++) {
    const id = checked[i].id;
    if (position.has(id)) {
      throw vizError(
        WHERE,
        `node ${id}: the id appears twice (nodes[${position.get(id)}] and nodes[${i}]).`,
        'give every node its own id',
        id,
      );
    }
    position.set(id, i);
  }
  const inputs = resolveInputs(checked, position, edges);
  const rootPosition = position.get(rootId);
  if (rootPosition === undefined) {
    throw vizError(WHERE, `root ${rootId} is not the id of any node.`, 'set root to the id of the output node', rootId);
  }
  const order = topologicalOrder(checked, inputs);
  checkAllUnderRoot(checked, inputs, rootPosition);
  return build(checked, inputs, order, rootPosition, tolerance);
}

function definedOnly(options: GraphDocumentLimits): GraphDocumentLimits {
  const out: GraphDocumentLimits = {};
  for (const key of ['maxNodes', 'maxEdges', 'maxLabelLength', 'maxTextLength'] as const) {
    const limit = options[key];
    if (limit === undefined) continue;
    if (typeof limit !== 'number' || !(limit >= 0)) {
      throw vizError(
        WHERE,
        `options.${key} must be a non-negative number, got ${describe(limit)}.`,
        'leave it out to use the default',
      );
    }
    out[key] = limit;
  }
  return out;
}

function parseText(text: string, maxTextLength: number): unknown {
  if (text.length > maxTextLength) {
    throw vizError(
      WHERE,
      `the JSON text has ${text.length} characters, over the limit of ${maxTextLength}.`,
      'raise options.maxTextLength if the file is trusted',
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw vizError(
      WHERE,
      `the text is not valid JSON (${(error as Error).message}).`,
      'pass the text written by JSON.stringify(toJSON(root))',
    );
  }
}

/** Checks the envelope and every node's fields; returns the nodes in document order. */
function checkDocument(
  doc: unknown,
  limits: Required<GraphDocumentLimits>,
): { rootId: number; checked: CheckedNode[]; edges: number } {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw vizError(
      WHERE,
      `expected a chainrule-graph document (an object), got ${describe(doc)}.`,
      'pass the object returned by toJSON or its JSON text',
    );
  }
  const d = doc as Record<string, unknown>;
  if (d.format !== GRAPH_FORMAT) {
    throw vizError(
      WHERE,
      `unknown format ${describe(d.format)}; expected "${GRAPH_FORMAT}".`,
      'pass a document written by toJSON',
    );
  }
  if (d.version !== GRAPH_VERSION) {
    const found =
      typeof d.version === 'number'
        ? `unsupported version ${d.version}`
        : `version must be a number, got ${describe(d.version)}`;
    throw vizError(
      WHERE,
      `${found}: this version of @chainrule/viz reads version ${GRAPH_VERSION}.`,
      're-export the graph with toJSON of this version',
    );
  }
  if (!isId(d.root)) {
    throw vizError(
      WHERE,
      `root must be a node id (a non-negative integer), got ${describe(d.root)}.`,
      'set root to the id of the output node',
    );
  }
  if (!Array.isArray(d.nodes)) {
    throw vizError(WHERE, `nodes must be an array, got ${describe(d.nodes)}.`, 'list the graph nodes as an array');
  }
  const raw = d.nodes as unknown[];
  if (raw.length > limits.maxNodes) {
    throw vizError(
      WHERE,
      `the document has ${raw.length} nodes, over the limit of ${limits.maxNodes}.`,
      'raise options.maxNodes if the document is trusted',
    );
  }
  const checked: CheckedNode[] = new Array(raw.length);
  let edges = 0;
  for (let i = 0; i < raw.length; i++) {
    const node = checkNode(raw[i], i, limits.maxLabelLength);
    edges += node.inputIds.length;
    if (edges > limits.maxEdges) {
      throw vizError(
        WHERE,
        `node ${node.id}: the document has more than ${limits.maxEdges} input references.`,
        'raise options.maxEdges if the document is trusted',
        node.id,
      );
    }
    checked[i] = node;
  }
  return { rootId: d.root, checked, edges };
}

function checkNode(raw: unknown, index: number, maxLabelLength: number): CheckedNode {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw vizError(
      WHERE,
      `nodes[${index}] must be an object, got ${describe(raw)}.`,
      'write each node as { id, op, label, data, grad, inputs }',
    );
  }
  const n = raw as Record<string, unknown>;
  if (!isId(n.id)) {
    throw vizError(
      WHERE,
      `nodes[${index}].id must be a non-negative integer, got ${describe(n.id)}.`,
      'give every node an integer id',
    );
  }
  const id = n.id;
  const fail = (problem: string, fix: string): VizError => vizError(WHERE, `node ${id}: ${problem}`, fix, id);
  if (typeof n.op !== 'string')
    throw fail(
      `op must be a string, got ${describe(n.op)}.`,
      "use '' for a leaf, 'const' for a constant or an op name",
    );
  if (typeof n.label !== 'string')
    throw fail(`label must be a string, got ${describe(n.label)}.`, "use '' for no label");
  if (n.label.length > maxLabelLength) {
    throw fail(
      `the label has ${n.label.length} characters, over the limit of ${maxLabelLength}.`,
      'shorten it or raise options.maxLabelLength',
    );
  }
  for (const field of ['data', 'grad'] as const) {
    const x = n[field];
    if (typeof x !== 'number')
      throw fail(`${field} must be a number, got ${describe(x)}.`, `write ${field} as a JSON number`);
    if (!Number.isFinite(x))
      throw fail(`${field} is ${x}; documents hold finite numbers only.`, 'fix the value at its source');
  }
  if (!Array.isArray(n.inputs))
    throw fail(`inputs must be an array of ids, got ${describe(n.inputs)}.`, 'use [] for a leaf');
  const inputIds = n.inputs as unknown[];
  for (let k = 0; k < inputIds.length; k++) {
    if (!isId(inputIds[k]))
      throw fail(`inputs[${k}] must be a node id, got ${describe(inputIds[k])}.`, 'list input ids as integers');
  }
  const op = n.op;
  let row: OpRow | null = null;
  let arity: number | 'n' = 0;
  if (op !== '' && op !== 'const') {
    const found = opByName(op);
    if (found === undefined) {
      throw fail(
        `unknown op ${JSON.stringify(op)}.`,
        `use '' (leaf), 'const' or an op of the table: ${Object.keys(OPS).join(' ')}`,
      );
    }
    row = found;
    arity = found.arity;
  }
  if (arity !== 'n' && inputIds.length !== arity) {
    const what = op === '' ? 'a leaf' : op === 'const' ? 'a constant' : `op ${op}`;
    throw fail(
      `${what} takes ${arity} input${arity === 1 ? '' : 's'}, got ${inputIds.length}.`,
      'list exactly its arguments in order',
    );
  }
  return {
    id,
    op,
    row,
    label: n.label,
    data: n.data as number,
    grad: n.grad as number,
    inputIds: inputIds as number[],
  };
}

function isId(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

/**
 * The inputs of every node as positions in the node list, flattened: node i's inputs are
 * `at[start[i]] .. at[start[i + 1] - 1]`. A missing id is a dangling reference.
 */
interface InputTable {
  start: Int32Array;
  at: Int32Array;
}

function resolveInputs(checked: CheckedNode[], position: Map<number, number>, edges: number): InputTable {
  const start = new Int32Array(checked.length + 1);
  const at = new Int32Array(edges);
  let e = 0;
  for (let i = 0; i < checked.length; i++) {
    start[i] = e;
    const ids = checked[i].inputIds;
    for (let k = 0; k < ids.length; k++) {
      const p = position.get(ids[k]);
      if (p === undefined) {
        const id = checked[i].id;
        throw vizError(
          WHERE,
          `node ${id}: input ${ids[k]} is not the id of any node.`,
          'add the missing node or fix the id',
          id,
        );
      }
      at[e++] = p;
    }
  }
  start[checked.length] = e;
  return { start, at };
}

/**
 * Positions with every node after its inputs: the document order when it already is one (as toJSON
 * writes it, so a round trip keeps the order), else Kahn's algorithm; a cycle is reported with its ids.
 */
function topologicalOrder(checked: CheckedNode[], inputs: InputTable): Int32Array {
  const n = checked.length;
  const { start, at } = inputs;
  if (isInDocumentOrder(inputs, n)) return Int32Array.from({ length: n }, (_, i) => i);
  const pending = new Int32Array(n);
  const consumerStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) pending[i] = start[i + 1] - start[i];
  for (let e = 0; e < at.length; e++) consumerStart[at[e] + 1]++;
  for (let i = 0; i < n; i++) consumerStart[i + 1] += consumerStart[i];
  const consumers = new Int32Array(at.length);
  const fill = consumerStart.slice(0, n);
  for (let i = 0; i < n; i++) for (let e = start[i]; e < start[i + 1]; e++) consumers[fill[at[e]]++] = i;

  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) if (pending[i] === 0) order[tail++] = i;
  while (head < tail) {
    const p = order[head++];
    for (let c = consumerStart[p]; c < consumerStart[p + 1]; c++) {
      const q = consumers[c];
      if (--pending[q] === 0) order[tail++] = q;
    }
  }
  if (tail < n) throw cycleError(checked, inputs, pending);
  return order;
}

function isInDocumentOrder({ start, at }: InputTable, n: number): boolean {
  for (let i = 0; i < n; i++) {
    for (let e = start[i]; e < start[i + 1]; e++) if (at[e] >= i) return false;
  }
  return true;
}

/** Walks from a node left unsorted through unsorted inputs until a node repeats: that loop is a cycle. */
function cycleError(checked: CheckedNode[], { start, at }: InputTable, pending: Int32Array): VizError {
  let first = 0;
  while (pending[first] === 0) first++;
  const seenAt = new Map<number, number>();
  const path: number[] = [];
  let p = first;
  while (!seenAt.has(p)) {
    seenAt.set(p, path.length);
    path.push(p);
    let next = -1;
    for (let e = start[p]; e < start[p + 1]; e++) {
      if (pending[at[e]] > 0) {
        next = at[e];
        break;
      }
    }
    p = next;
  }
  const loop = path.slice(seenAt.get(p)!).map((q) => checked[q].id);
  const shown = loop.length > 8 ? [...loop.slice(0, 8), '…'] : loop;
  const id = loop[0];
  return vizError(
    WHERE,
    `node ${id} is on a cycle (it depends on itself through inputs ${[...shown, id].join(' -> ')}).`,
    'a computation graph has no cycles: fix the input ids',
    id,
  );
}

/** Every node must be reachable from the root; the first one that is not is reported. */
function checkAllUnderRoot(checked: CheckedNode[], { start, at }: InputTable, rootPosition: number): void {
  const reached = new Uint8Array(checked.length);
  const stack = [rootPosition];
  reached[rootPosition] = 1;
  while (stack.length > 0) {
    const p = stack.pop()!;
    for (let e = start[p]; e < start[p + 1]; e++) {
      const q = at[e];
      if (reached[q] === 0) {
        reached[q] = 1;
        stack.push(q);
      }
    }
  }
  const stray = reached.indexOf(0);
  if (stray >= 0) {
    const id = checked[stray].id;
    throw vizError(
      WHERE,
      `node ${id} is not under root ${checked[rootPosition].id}.`,
      'remove it, or export the graph again with toJSON',
      id,
    );
  }
}

function build(
  checked: CheckedNode[],
  { start, at }: InputTable,
  order: Int32Array,
  rootPosition: number,
  tolerance: number,
): ImportedGraph {
  const values: Value[] = new Array(checked.length);
  const nodes = new Map<number, Value>();
  for (const p of order) {
    const node = checked[p];
    let v: Value;
    if (node.row === null) {
      v = node.op === 'const' ? constant(node.data) : new Value(node.data);
    } else {
      const args: Value[] = [];
      for (let e = start[p]; e < start[p + 1]; e++) args.push(values[at[e]]);
      v = apply(node.row, args);
      const scale = Math.max(1, Math.abs(v.data), Math.abs(node.data));
      if (!(Math.abs(v.data - node.data) <= tolerance * scale)) {
        throw vizError(
          WHERE,
          `node ${node.id}: stored data ${node.data} but ${node.op} of its inputs gives ${v.data}.`,
          'the document was edited or corrupted: export it again, or fix the data of its leaves',
          node.id,
        );
      }
    }
    v.label = node.label;
    v.grad = node.grad;
    values[p] = v;
    nodes.set(node.id, v);
  }
  return { root: values[rootPosition], nodes };
}

/** Calls the public Value method named by the row (or `applyOp` for the n-ary rows, `sum` and `dot`). */
function apply(row: OpRow, args: Value[]): Value {
  if (row.arity === 'n') return applyOp(row, args);
  const method = (Value.prototype as unknown as Record<string, unknown>)[row.name];
  if (typeof method !== 'function') {
    throw vizError(
      WHERE,
      `the op table row ${row.name} has no Value method.`,
      'report this as a bug in @chainrule/core',
    );
  }
  const call = method as (this: Value, other?: Value) => Value;
  return row.arity === 1 ? call.call(args[0]) : call.call(args[0], args[1]);
}
