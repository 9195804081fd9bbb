// renderPng: PNG bytes of the drawings, without a browser; sizes follow the SVG and the scale, and
// bad input is refused before anything is rendered.
import { renderPng, MAX_PNG_PIXELS } from './render-png';
import { renderSvg } from './render-svg';
import { plotDescent } from './plot-descent';
import { article } from './test-support/article';
import { vizErrorOf } from './test-support/viz-error-of';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)![0];
  return { width: Number(/ width="([\d.]+)"/.exec(root)![1]), height: Number(/ height="([\d.]+)"/.exec(root)![1]) };
}

describe('renderPng', () => {
  const { C } = article();
  C.backward();
  const svg = renderSvg(C);

  test('a PNG of the same size as the SVG, and twice the size at scale 2', () => {
    const one = renderPng(svg);
    expect(one.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(one)).toEqual(svgSize(svg));
    const two = renderPng(svg, { scale: 2 });
    expect(pngSize(two)).toEqual({ width: svgSize(svg).width * 2, height: svgSize(svg).height * 2 });
  });

  test('renders the plots too', () => {
    const plot = plotDescent();
    expect(pngSize(renderPng(plot))).toEqual(svgSize(plot));
  });

  test.each([
    ['not a string', () => renderPng(5 as never), /expected an SVG document/],
    ['not SVG', () => renderPng('hello'), /expected an SVG document/],
    ['scale 0', () => renderPng(svg, { scale: 0 }), /options.scale must be a number above 0/],
    ['scale NaN', () => renderPng(svg, { scale: NaN }), /options.scale/],
    ['scale 9', () => renderPng(svg, { scale: 9 }), /at most 8/],
    ['options null', () => renderPng(svg, null as never), /options must be an object/],
    [
      'a picture over the pixel limit',
      () => renderPng('<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="20000"/>'),
      new RegExp(`over the limit of ${MAX_PNG_PIXELS}`),
    ],
    ['no size', () => renderPng('<svg xmlns="http://www.w3.org/2000/svg"/>'), /no numeric width and height/],
  ])('refuses %s with a VizError that names the fix', (_name, call, message) => {
    const error = vizErrorOf(call);
    expect(error.message).toMatch(/^@chainrule\/viz\/renderPng: /);
    expect(error.message).toMatch(message);
  });
});
