/**
 * toGexf: a computation graph as GEXF (Gephi's format) through graphology-gexf's own writer, with
 * every attribute of the graph model (kind, label, data, grad, op, symbol, local gradient,
 * contribution, highlight, note) as typed GEXF attributes.
 */
import { write } from 'graphology-gexf';
import { graphForExport, nodeLabel } from './export-graph';
import type { GraphExportOptions, GraphSource } from './export-graph';
import type { GraphEdgeAttributes, GraphNodeAttributes } from './to-graph';
import { vizError } from './viz-error';
import { xmlSafe } from './xml-escape';

const WHERE = 'toGexf';

/** Options of {@link toGexf}. */
export interface ToGexfOptions extends Omit<GraphExportOptions, 'precision'> {
  /**
   * Most Values accepted. Default 20,000: graphology-gexf's writer takes about 0.1 ms per node and
   * edge here, so 20,000 Values export in a few seconds. Raise it to wait longer.
   */
  maxValues?: number;
  /** GEXF version, `'1.2'` (default, what Gephi reads everywhere) or `'1.3'`. */
  version?: '1.2' | '1.3';
}

/**
 * The graph under `root` (or a graph from `toGraph`) as a GEXF document for Gephi and other
 * network tools. Node labels read `w = 0.8` (ops: their symbol); every attribute of the graph model
 * is a GEXF attribute with exact numbers, the Value's own label as `name`; null grads are left out.
 * @example
 * fs.writeFileSync('graph.gexf', toGexf(C));
 */
export function toGexf(source: GraphSource, options: ToGexfOptions = {}): string {
  const graph = graphForExport(
    WHERE,
    source,
    options,
    20_000,
    "graphology-gexf's writer takes about 0.1 ms per element",
  );
  const version = options.version ?? '1.2';
  if (version !== '1.2' && version !== '1.3')
    throw vizError(WHERE, `options.version must be '1.2' or '1.3', got ${String(version)}.`, "leave it out for '1.2'");
  try {
    return write(graph, {
      version,
      formatNode: (_key: string, node: GraphNodeAttributes) => {
        // The GEXF label is the display text; the Value's own label is kept as the attribute `name`.
        const { label, ...rest } = node as GraphNodeAttributes & { label?: string };
        return {
          label: xmlSafe(nodeLabel(node)),
          attributes: safeAttributes(node.type === 'value' ? { ...rest, name: label } : rest),
        };
      },
      formatEdge: (_key: string, edge: GraphEdgeAttributes) => ({ attributes: safeAttributes(edge) }),
    });
  } catch (error) {
    if (error instanceof RangeError) {
      throw vizError(
        WHERE,
        `the document grew too large to hold in one string (${error.message}).`,
        'lower maxValues, or export with toJSON or toGraphml',
      );
    }
    throw error;
  }
}

/** The attributes with null values left out (GEXF has no null) and strings made XML-safe. */
function safeAttributes(attributes: object): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    out[name] = typeof value === 'string' ? xmlSafe(value) : (value as number | boolean);
  }
  return out;
}
