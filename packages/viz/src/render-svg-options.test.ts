import { Value } from '@chainrule/core';
import { renderHtml } from './render-html';
import { renderSteps } from './render-steps';
import { renderSvg, type RenderSvgOptions } from './render-svg';
import { article } from './test-support/article';
import { vizErrorOf } from './test-support/viz-error-of';

/** The article's C = (i·w − y)² after backward. */
function articleAfterBackward(): Value {
  const { C } = article();
  C.backward();
  return C;
}

const messageOf = (call: () => unknown): string => vizErrorOf(call).message;

const bad = (options: unknown): RenderSvgOptions => options as RenderSvgOptions;

describe('renderSvg checks its options before drawing', () => {
  const C = articleAfterBackward();

  test.each<[string, unknown, RegExp]>([
    ['options a string', 'dark', /options must be an object, got the string "dark"\. Pass \{\} for the defaults\./],
    ['options an array', [], /options must be an object, got an array of length 0/],
    [
      'a width (not an option)',
      { width: 300 },
      /options\.width is not an option\. Known names: direction, aspect, theme/,
    ],
    [
      'a typo',
      { edgelabels: 'both' },
      /options\.edgelabels is not an option\. Write 'edgeLabels' \(the nearest known name\)\./,
    ],
    [
      'a typo in a colour name',
      { colours: { positiv: '#d00' } },
      /options\.colours\.positiv is not a colour of the theme\. Write 'positive'/,
    ],
    [
      'a colour as a number',
      { colours: { edge: 5 } },
      /options\.colours\.edge must be a CSS colour \(.*\), got the number 5/,
    ],
    [
      'an unknown highlight',
      { colours: { highlight: { stpe: 'red' } } },
      /options\.colours\.highlight\.stpe is not a highlight\. Write 'step'/,
    ],
    ['colours a string', { colours: 'red' }, /options\.colours must be an object of colour strings/],
    [
      'precision a string',
      { precision: '3' },
      /options\.precision must be an integer from 1 to 21, got the string "3"/,
    ],
    ['precision 2.5', { precision: 2.5 }, /options\.precision must be an integer from 1 to 21, got the number 2\.5/],
    ['format not a function', { format: 'x' }, /options\.format must be a function/],
    [
      'an unknown record field',
      { fields: ['label', 'value'] },
      /options\.fields must be an array of 'label', 'data' and 'grad'/,
    ],
    [
      'edge labels unknown',
      { edgeLabels: 'all' },
      /options\.edgeLabels must be 'local', 'contribution', 'both' or 'none', got the string "all"/,
    ],
    ['legend as a string', { legend: 'no' }, /options\.legend must be true or false, got the string "no"/],
    ['title as a number', { title: 3 }, /options\.title must be a string, got the number 3/],
    ['group unknown', { group: 'some' }, /options\.group must be 'auto', 'always' or 'never'/],
    ['gradient scale with a string', { gradientScale: [1, '2'] }, /options\.gradientScale must be an array of numbers/],
    [
      'parameters a Value',
      { parameters: new Value(1) },
      /options\.parameters must be an array \(or other iterable\) of Values, got a Value/,
    ],
    ['grads unknown', { grads: 'yes' }, /options\.grads must be 'auto', 'compute', 'current' or 'none'/],
    ['maxValues negative', { maxValues: -1 }, /options\.maxValues must be a positive number, got the number -1/],
    ['mistake without a node', { mistake: {} }, /options\.mistake must be an object \{ node: Value/],
  ])('%s', (_name, options, message) => {
    const text = messageOf(() => renderSvg(C, bad(options)));
    expect(text).toMatch(/^@chainrule\/viz\/renderSvg: /);
    expect(text).toMatch(message);
  });

  test('options left out (undefined) take their defaults, and every valid option draws', () => {
    const plain = renderSvg(C);
    expect(renderSvg(C, { direction: undefined, theme: undefined, precision: undefined })).toBe(plain);
    const all: Required<RenderSvgOptions> = {
      direction: 'TB',
      aspect: 4 / 3,
      theme: 'dark',
      colours: { background: '#123456', highlight: { step: '#0a0' } },
      precision: 3,
      format: (x) => x.toFixed(2),
      fields: ['data', 'grad'],
      edgeLabels: 'both',
      fanOutSums: false,
      constants: false,
      legend: false,
      title: 'all options',
      maxNodes: 100,
      group: 'never',
      gradientScale: [-2, 2],
      grads: 'current',
      parameters: [],
      maxValues: 100,
      maxEdges: 200,
      mistake: { node: C, downstream: [], note: 'a note' },
    };
    const svg = renderSvg(C, all);
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('all options');
    expect(svg).toContain('<rect width="100%" height="100%" fill="#123456"/>');
  });
});

describe('the callers that pass options on to renderSvg check them the same way', () => {
  const C = articleAfterBackward();

  test('renderSteps: its own includeStart is allowed, a typo is not', () => {
    expect(renderSteps(C, { includeStart: true, direction: 'TB' })).toHaveLength(4);
    expect(messageOf(() => renderSteps(C, bad({ includeStrat: true })))).toMatch(
      /^@chainrule\/viz\/renderSteps: options\.includeStrat is not an option\. Write 'includeStart'/,
    );
  });

  test('renderHtml: options.svg names the nested object', () => {
    expect(messageOf(() => renderHtml(C, { svg: bad({ direction: 'RL' }) }))).toMatch(
      /^@chainrule\/viz\/renderHtml: options\.svg\.direction must be 'LR', 'TB' or 'auto', got the string "RL"/,
    );
    expect(messageOf(() => renderHtml(C, { svg: bad({ legnd: false }) }))).toMatch(
      /options\.svg\.legnd is not an option\. Write 'legend'/,
    );
  });
});
