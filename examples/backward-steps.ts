/**
 * The backward pass of a small tanh neuron, L = tanh(x1·w1 + x2·w2 + b) · x1, as an interactive
 * page (renderHtml) and as one SVG per step (writeSteps), written to out/backward/.
 * Run: npm run example:backward-steps   then open out/backward/explorer.html
 */
import fs from 'fs';
import path from 'path';
import { Value } from '@chainrule/core';
import { renderHtml, writeSteps } from '@chainrule/viz';

const x1 = new Value(2, 'x1');
const x2 = new Value(0, 'x2');
const w1 = new Value(-3, 'w1');
const w2 = new Value(1, 'w2');
const b = new Value(6.8813735870195432, 'b');
const n = x1.mul(w1).add(x2.mul(w2)).add(b);
n.label = 'n';
const o = n.tanh();
o.label = 'o';
const L = o.mul(x1); // x1 is used twice: its gradient is a sum over two paths
L.label = 'L';

const dir = path.join('out', 'backward');
fs.mkdirSync(dir, { recursive: true });
const page = path.join(dir, 'explorer.html');
fs.writeFileSync(page, renderHtml(L, { title: 'L = tanh(x1·w1 + x2·w2 + b) · x1', parameters: [w1, w2, b] }));
const frames = writeSteps(L, dir, { parameters: [w1, w2, b] });
console.log(`wrote ${page} (open it in a browser; it works offline)`);
console.log(`wrote ${frames.length} frames: ${frames[0]} ... ${frames[frames.length - 1]}`);
