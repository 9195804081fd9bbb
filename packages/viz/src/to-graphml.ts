/**
 * toGraphml: a computation graph as GraphML (yEd, Cytoscape, NetworkX, igraph), with every attribute
 * of the graph model as a typed GraphML key. graphology-graphml 0.5 only parses GraphML, so this file
 * writes it, in one pass over the graph; graphology-graphml's parser reads the output back in tests.
 */
import { graphForExport, nodeLabel } from './export-graph';
import type { GraphExportOptions, GraphSource } from './export-graph';
import { escapeXml } from './xml-escape';

const WHERE = 'toGraphml';

/** Options of {@link toGraphml}. */
export interface ToGraphmlOptions extends Omit<GraphExportOptions, 'precision'> {
  /** Most Values accepted. Default 500,000 (about 200 MB of text). */
  maxValues?: number;
}

type KeyType = 'string' | 'double' | 'int' | 'boolean';

/** GraphML keys: [id, for, attr.name, attr.type]. Node and edge attributes share names, not ids. */
const NODE_KEYS: [string, string, KeyType][] = [
  ['n_type', 'type', 'string'],
  ['n_kind', 'kind', 'string'],
  ['n_id', 'id', 'int'],
  ['n_name', 'name', 'string'],
  ['n_label', 'label', 'string'],
  ['n_op', 'op', 'string'],
  ['n_symbol', 'symbol', 'string'],
  ['n_valueId', 'valueId', 'int'],
  ['n_data', 'data', 'double'],
  ['n_grad', 'grad', 'double'],
  ['n_highlight', 'highlight', 'string'],
  ['n_note', 'note', 'string'],
];
const EDGE_KEYS: [string, string, KeyType][] = [
  ['e_type', 'type', 'string'],
  ['e_index', 'index', 'int'],
  ['e_local', 'local', 'double'],
  ['e_contribution', 'contribution', 'double'],
  ['e_highlight', 'highlight', 'string'],
  ['e_note', 'note', 'string'],
];

/**
 * The graph under `root` (or a graph from `toGraph`) as a GraphML document. Node attributes: type,
 * kind, id, name (the Value's label), label (display text `w = 0.8`, or the op symbol), op, symbol,
 * valueId, data, grad (absent when not computed), highlight, note; edge attributes: type, index,
 * local, contribution, highlight, note. Numbers are exact; NaN and ±Infinity are written `NaN`,
 * `Infinity`, `-Infinity`, which Java's Double, Python's float and graphology all read.
 * @example
 * fs.writeFileSync('graph.graphml', toGraphml(C));
 */
export function toGraphml(source: GraphSource, options: ToGraphmlOptions = {}): string {
  const graph = graphForExport(WHERE, source, options, 500_000, 'about 400 bytes of XML per Value');
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [id, name, type] of NODE_KEYS)
    out.push(`  <key id="${id}" for="node" attr.name="${name}" attr.type="${type}"/>`);
  for (const [id, name, type] of EDGE_KEYS)
    out.push(`  <key id="${id}" for="edge" attr.name="${name}" attr.type="${type}"/>`);
  out.push(`  <graph id="chainrule" edgedefault="directed">`);
  graph.forEachNode((key, node) => {
    const values: Record<string, unknown> = { ...node, label: nodeLabel(node) };
    if (node.type === 'value') values.name = node.label;
    out.push(`    <node id="${escapeXml(key)}">${dataElements(NODE_KEYS, values)}</node>`);
  });
  graph.forEachEdge((key, edge, sourceKey, targetKey) => {
    out.push(
      `    <edge id="${escapeXml(key)}" source="${escapeXml(sourceKey)}" target="${escapeXml(targetKey)}">${dataElements(EDGE_KEYS, edge)}</edge>`,
    );
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

function dataElements(keys: [string, string, KeyType][], values: object): string {
  let text = '';
  for (const [id, name] of keys) {
    const value = (values as Record<string, unknown>)[name];
    if (value === null || value === undefined) continue;
    text += `<data key="${id}">${escapeXml(String(value))}</data>`;
  }
  return text;
}
