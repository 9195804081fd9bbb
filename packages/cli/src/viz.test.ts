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
    ['an unknown format', (dir) => ['viz', ...ARTICLE, '-o', path.join(dir, 'graph.pdf')], /Use one of: \.svg \.png/],
    [
      '--scale 0',
      (dir) => ['viz', ...ARTICLE, '-o', path.join(dir, 'g.png'), '--scale', '0'],
      /--scale must be a number above 0/,
    ],
    ['--scale 9', (dir) => ['viz', ...ARTICLE, '-o', path.join(dir, 'g.png'), '--scale', '9'], /at most 8/],
    [
      '--scale on an .svg',
      (dir) => ['viz', ...ARTICLE, '-o', path.join(dir, 'g.svg'), '--scale', '2'],
      /--scale sizes a \.png/,
    ],
    [
      '--title on a .dot',
      (dir) => ['viz', ...ARTICLE, '-o', path.join(dir, 'g.dot'), '--title', 't'],
      /\.dot has no title/,
    ],
    ['-o - without --format', () => ['viz', ...ARTICLE, '-o', '-'], /needs --format/],
    ['an unknown --format', () => ['viz', ...ARTICLE, '-o', '-', '--format', 'pdf'], /invalid/],
    [
      '--format with a file',
      (dir) => ['viz', ...ARTICLE, '-o', path.join(dir, 'g.svg'), '--format', 'dot'],
      /--format is for -o -/,
    ],
    [
      '--frames into a file',
      () => ['viz', ...ARTICLE, '--frames', '/dev/null/steps'],
      /cannot create the folder|cannot use the folder/,
    ],
    ['an unwritable .png path', (dir) => ['viz', ...ARTICLE, '-o', path.join(dir, 'nope', 'g.png')], /does not exist/],
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
    ['no -o and no --frames', () => ['viz', ...ARTICLE], /say where to draw/],
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

  it("writes a PNG of the SVG's size times --scale, with --title drawn", () => {
    const dir = tempDir();
    const svgFile = path.join(dir, 'g.svg');
    const pngFile = path.join(dir, 'g.png');
    expect(runCli(['viz', ...ARTICLE, '-o', svgFile, '--title', 'The article']).code).toBe(0);
    const run = runCli(['viz', ...ARTICLE, '-o', pngFile, '--scale', '2', '--title', 'The article']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const svg = fs.readFileSync(svgFile, 'utf8');
    expect(svg).toContain('>The article</text>');
    const png = fs.readFileSync(pngFile);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const [, width, height] = /<svg[^>]*? width="(\d+)" height="(\d+)"/.exec(svg)!;
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2 * Number(width), 2 * Number(height)]);
  });

  it('-o - writes the --format to stdout and nothing else there', () => {
    const dot = runCli(['viz', ...ARTICLE, '-o', '-', '--format', 'dot']);
    expect([dot.code, dot.stderr]).toEqual([0, '']);
    expect(dot.stdout).toMatch(/^\/\/ chainrule computation graph/);
    expect(dot.stdout).toContain('digraph chainrule {');
    expect(dot.stdout).not.toContain('wrote');
    const json = runCli(['viz', ...ARTICLE, '-o', '-', '--format', 'json']);
    expect(JSON.parse(json.stdout).format).toBe('chainrule-graph');
  });

  it('--frames writes one SVG per backward step, in step order', () => {
    const dir = path.join(tempDir(), 'steps');
    const run = runCli(['viz', ...ARTICLE, '--frames', dir]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(fs.readdirSync(dir)).toEqual(['step-1.svg', 'step-2.svg', 'step-3.svg']);
    expect(run.stdout).toContain('wrote 3 frames');
    // The last frame has every gradient, the first only the seed's step.
    expect(fs.readFileSync(path.join(dir, 'step-3.svg'), 'utf8')).toContain('2.1');
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
