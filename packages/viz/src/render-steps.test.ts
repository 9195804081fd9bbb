import fs from 'fs';
import os from 'os';
import path from 'path';
import { DOMParser } from '@xmldom/xmldom';
import { Value } from '@chainrule/core';
import { renderSteps } from './render-steps';
import { renderSvg } from './render-svg';
import { frameGradients, stepFrame } from './step-frame';
import { stepTrace } from './step-trace';
import { toGraph, valueKey } from './to-graph';
import { writeSteps } from './write-steps';
import { article } from './test-support/article';

/** The text of the record of Value `v` in an SVG frame (its `<g data-key>` group). */
function recordText(svg: string, v: Value): string {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const groups = Array.from(doc.getElementsByTagName('g')).filter((g) => g.getAttribute('data-key') === valueKey(v.id));
  expect(groups).toHaveLength(1);
  const texts = Array.from(groups[0].getElementsByTagName('text')).map((t) => t.textContent);
  return texts.join(' ');
}

describe('renderSteps', () => {
  it('draws one well-formed SVG per backward step, as renderSvg draws the step frame', () => {
    const { C } = article();
    const frames = renderSteps(C);
    expect(frames).toHaveLength(3);
    const graph = toGraph(C, { grads: 'compute' });
    const trace = stepTrace(C);
    frames.forEach((svg, k) => {
      const doc = new DOMParser({
        onError: (level, message) => {
          throw new Error(`${level}: ${message}`);
        },
      }).parseFromString(svg, 'image/svg+xml');
      expect(doc.documentElement!.nodeName).toBe('svg');
      expect(svg).toBe(renderSvg(stepFrame(graph, trace, k + 1), { gradientScale: frameGradients(graph) }));
    });
    expect(new Set(frames).size).toBe(3);
    expect(renderSteps(C, { includeStart: true })).toHaveLength(4);
  });

  it("shows the article's gradient of w only once backward reaches it: dC/dw = 2.1 in the last frame", () => {
    const { w, a, C } = article();
    const frames = renderSteps(C, { fields: ['label', 'grad'] });
    expect(recordText(frames[0], w)).not.toContain('2.1');
    expect(recordText(frames[1], w)).not.toContain('2.1');
    expect(recordText(frames[1], a)).toContain('1.4'); // 2(a - y) = 2(1.2 - 0.5)
    expect(recordText(frames[2], w)).toContain('2.1');
  });

  it('keeps a gradient in the same colour from the frame it appears in to the last', () => {
    const { C } = article();
    const difference = C.inputs[0]; // a − y: grad 1.4 from step 1 on; the largest |grad| is 2.1 only from step 3
    const frames = renderSteps(C, { fields: ['label', 'grad'] });
    const fills = (svg: string) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      const group = Array.from(doc.getElementsByTagName('g')).find(
        (g) => g.getAttribute('data-key') === valueKey(difference.id),
      )!;
      return Array.from(group.getElementsByTagName('*')).map((e) => e.getAttribute('fill'));
    };
    expect(fills(frames[0])).toEqual(fills(frames[2])); // not active in either frame
    expect(fills(frames[0]).some((fill) => fill !== null && fill !== 'none' && fill !== '#ffffff')).toBe(true);
  });

  it('passes renderSvg options through and explains a bad root', () => {
    const { C } = article();
    expect(renderSteps(C, { theme: 'dark' })[0]).toContain('#0d1117');
    expect(() => renderSteps({} as Value)).toThrow(
      /^@chainrule\/viz\/renderSteps: expected a Value as the root, got an object\. Pass/,
    );
  });
});

describe('writeSteps', () => {
  it('writes the frames as numbered files in step order', () => {
    const { C } = article();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chainrule-steps-'));
    const files = writeSteps(C, path.join(dir, 'frames'));
    expect(files.map((f) => path.basename(f))).toEqual(['step-1.svg', 'step-2.svg', 'step-3.svg']);
    expect(files.map((f) => fs.readFileSync(f, 'utf8'))).toEqual(renderSteps(C));
    let v = new Value(1, 'x');
    for (let k = 0; k < 11; k++) v = v.mul(1.1);
    const many = writeSteps(v, dir, { prefix: 'frame-', includeStart: true });
    expect(many.map((f) => path.basename(f)).slice(0, 2)).toEqual(['frame-00.svg', 'frame-01.svg']);
    expect(many).toHaveLength(12);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
