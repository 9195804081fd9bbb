// `chainrule viz` on the built executable: every format by extension, and errors that leave no
// file behind.
import fs from 'fs';
import path from 'path';
import { hasStackTrace, runCli, tempDir } from './test-support/run-cli';

const ARTICLE = ['a = i*w; C = (a - y)^2', '--at', 'i=1.5,w=0.8,y=0.5'];

describe('chainrule viz', () => {
  const formats: [string, (text: string) => void][] = [
    ['svg', (t) => expect(t).toMatch(/^(<\?xml[^>]*>\s*)?<svg/)],
    ['html', (t) => expect(t).toMatch(/^<!doctype html>/i)],
    ['dot', (t) => expect(t).toMatch(/digraph/)],
    ['mmd', (t) => expect(t).toMatch(/^(flowchart|graph) /m)],
    ['json', (t) => expect(JSON.parse(t)).toBeTruthy()],
    ['gexf', (t) => expect(t).toContain('<gexf')],
    ['graphml', (t) => expect(t).toContain('<graphml')],
  ];
  it.each(formats)('writes .%s', (ext, check) => {
    const file = path.join(tempDir(), `graph.${ext}`);
    const run = runCli(['viz', ...ARTICLE, '-o', file, '--direction', 'LR']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const text = fs.readFileSync(file, 'utf8');
    check(text);
    expect(text).toContain('2.1'); // dC/dw is drawn
  });

  const bad: [string, (dir: string) => string[], RegExp][] = [
    ['an unknown format', (dir) => ['viz', ...ARTICLE, '-o', path.join(dir, 'graph.png')], /Use one of: \.svg/],
    ['a missing folder', (dir) => ['viz', ...ARTICLE, '-o', path.join(dir, 'nope', 'graph.svg')], /does not exist/],
    [
      'contradicting --colour and --color',
      (dir) => ['viz', ...ARTICLE, '-o', path.join(dir, 'g.svg'), '--colour', 'light', '--color', 'dark'],
      /contradict/,
    ],
    [
      'an invalid --direction',
      (dir) => ['viz', ...ARTICLE, '-o', path.join(dir, 'g.svg'), '--direction', 'up'],
      /invalid/,
    ],
    ['a formula error', (dir) => ['viz', 'x +* 2', '--at', 'x=1', '-o', path.join(dir, 'g.svg')], /Value expected/],
    ['no -o', () => ['viz', ...ARTICLE], /required option/],
    ...(['contribution', 'both'] as const).map((labels): [string, (dir: string) => string[], RegExp] => [
      `--labels ${labels} with --no-backward`,
      (dir) => ['viz', ...ARTICLE, '-o', path.join(dir, 'g.svg'), '--no-backward', '--labels', labels],
      new RegExp(
        `^chainrule viz: --labels ${labels} shows each edge's contribution to a gradient, and --no-backward skips ` +
          'the backward pass that computes them\\. Drop --no-backward, or pick --labels local or --labels none\\.\\n$',
      ),
    ]),
  ];
  it.each(bad)('exits 2 for %s and writes nothing', (_what, args, message) => {
    const dir = tempDir();
    const run = runCli(args(dir));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it.each(['local', 'none'])('draws the forward pass with --no-backward --labels %s', (labels) => {
    const file = path.join(tempDir(), 'g.json');
    const run = runCli(['viz', ...ARTICLE, '-o', file, '--no-backward', '--labels', labels]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    // No backward pass ran: every gradient in the document is still 0.
    const grads = (JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: { grad: number }[] }).nodes.map((n) => n.grad);
    expect(grads.length).toBeGreaterThan(0);
    expect(grads.every((g) => g === 0)).toBe(true);
  });

  it('leaves an existing file untouched when writing fails', () => {
    const dir = tempDir();
    const file = path.join(dir, 'g.svg');
    fs.writeFileSync(file, 'old');
    const run = runCli(['viz', 'x +* 2', '--at', 'x=1', '-o', file]);
    expect(run.code).toBe(2);
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
  });
});
