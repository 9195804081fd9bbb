/**
 * The check of renderSvg's options, run before anything is drawn: each option's type and range, and
 * any name renderSvg does not know (a typo such as `edgelabels`, with the nearest known name). Each
 * problem is a VizError that names the option, what it got and what to pass instead.
 */
import { describe } from '@chainrule/core';
import { color } from 'd3';
import leven from 'leven';
import type { RenderSvgOptions } from './render-svg';
import { isMistake } from './mark-mistake';
import { LIGHT } from './svg-theme';
import { vizError } from './viz-error';

/** One option: what it accepts, in words for the error, and the test. */
interface Rule {
  accepts: string;
  ok: (x: unknown) => boolean;
}

const oneOf =
  (...choices: string[]): Rule['ok'] =>
  (x) =>
    typeof x === 'string' && choices.includes(x);
const isBoolean: Rule['ok'] = (x) => typeof x === 'boolean';
const isPositive: Rule['ok'] = (x) => typeof x === 'number' && x > 0;

const COLOUR_NAMES = Object.keys(LIGHT);
const HIGHLIGHT_NAMES = Object.keys(LIGHT.highlight);
const FIELDS = ['label', 'data', 'grad'];

const RULES: Record<keyof RenderSvgOptions, Rule> = {
  direction: { accepts: "'LR', 'TB' or 'auto'", ok: oneOf('LR', 'TB', 'auto') },
  aspect: {
    accepts: 'a width / height ratio from 0.1 to 10, e.g. 16 / 9',
    ok: (x) => typeof x === 'number' && x >= 0.1 && x <= 10,
  },
  theme: { accepts: "'light' or 'dark'", ok: oneOf('light', 'dark') },
  colours: { accepts: `an object of colour strings (${COLOUR_NAMES.join(', ')})`, ok: isObject },
  precision: {
    accepts: 'an integer from 1 to 21',
    ok: (x) => Number.isInteger(x) && (x as number) >= 1 && (x as number) <= 21,
  },
  format: { accepts: 'a function (x: number) => string', ok: (x) => typeof x === 'function' },
  fields: {
    accepts: "an array of 'label', 'data' and 'grad'",
    ok: (x) => Array.isArray(x) && x.every((f) => FIELDS.includes(f as string)),
  },
  edgeLabels: {
    accepts: "'local', 'contribution', 'both' or 'none'",
    ok: oneOf('local', 'contribution', 'both', 'none'),
  },
  fanOutSums: { accepts: 'true or false', ok: isBoolean },
  constants: { accepts: 'true or false', ok: isBoolean },
  legend: { accepts: 'true or false', ok: isBoolean },
  title: { accepts: 'a string', ok: (x) => typeof x === 'string' },
  maxNodes: { accepts: 'a positive number', ok: isPositive },
  group: { accepts: "'auto', 'always' or 'never'", ok: oneOf('auto', 'always', 'never') },
  gradientScale: {
    accepts: 'an array of numbers',
    ok: (x) => Array.isArray(x) && x.every((g) => typeof g === 'number'),
  },
  grads: { accepts: "'auto', 'compute', 'current' or 'none'", ok: oneOf('auto', 'compute', 'current', 'none') },
  parameters: {
    accepts: 'an array (or other iterable) of Values',
    ok: (x) => isObject(x) && typeof (x as Iterable<unknown>)[Symbol.iterator] === 'function',
  },
  maxValues: { accepts: 'a positive number', ok: isPositive },
  maxEdges: { accepts: 'a positive number', ok: isPositive },
  mistake: { accepts: 'an object { node: Value, downstream?: Value[], note?: string }', ok: isMistake },
};

const NAMES = Object.keys(RULES);

/**
 * Throws a VizError for the first option renderSvg cannot use. `name` is how the caller's user
 * wrote the options object (`options`, or `options.svg` for renderHtml); `also` lists the other
 * names that the caller reads from the same object, which are allowed through unchecked.
 */
export function checkRenderSvgOptions(
  where: string,
  options: unknown,
  name = 'options',
  also: readonly string[] = [],
): asserts options is RenderSvgOptions {
  if (!isObject(options) || Array.isArray(options)) {
    throw vizError(where, `${name} must be an object, got ${describe(options)}.`, 'pass {} for the defaults');
  }
  for (const [key, value] of Object.entries(options)) {
    const rule = RULES[key as keyof RenderSvgOptions];
    if (rule === undefined) {
      if (also.includes(key)) continue;
      throw vizError(where, `${name}.${key} is not an option.`, fixForUnknown(key, also));
    }
    if (value === undefined) continue; // left out: the default applies
    if (!rule.ok(value)) {
      throw vizError(
        where,
        `${name}.${key} must be ${rule.accepts}, got ${describe(value)}.`,
        'leave it out for the default',
      );
    }
  }
  const colours = (options as RenderSvgOptions).colours;
  if (colours !== undefined) checkColours(where, colours, `${name}.colours`);
}

function checkColours(where: string, colours: object, name: string): void {
  for (const [key, value] of Object.entries(colours)) {
    if (key === 'highlight') {
      if (!isObject(value)) {
        throw vizError(
          where,
          `${name}.highlight must be an object, got ${describe(value)}.`,
          `give colours of ${HIGHLIGHT_NAMES.join(', ')}`,
        );
      }
      for (const [part, colour] of Object.entries(value as object)) {
        if (!HIGHLIGHT_NAMES.includes(part)) {
          throw vizError(
            where,
            `${name}.highlight.${part} is not a highlight.`,
            fixForUnknown(part, [], HIGHLIGHT_NAMES),
          );
        }
        checkColour(where, `${name}.highlight.${part}`, colour);
      }
    } else if (!COLOUR_NAMES.includes(key)) {
      throw vizError(where, `${name}.${key} is not a colour of the theme.`, fixForUnknown(key, [], COLOUR_NAMES));
    } else checkColour(where, `${name}.${key}`, value);
  }
}

/** A colour must parse as CSS colour syntax (d3-color's parser): it is written into attributes. */
function checkColour(where: string, name: string, colour: unknown): void {
  if (typeof colour !== 'string' || color(colour) === null) {
    throw vizError(
      where,
      `${name} must be a CSS colour (a name, #rgb, #rrggbb, rgb(...) or hsl(...)), got ${describe(colour)}.`,
      "pass e.g. '#d00' or 'steelblue'",
    );
  }
}

/** Throws a VizError for a key of `options` that is not in `known`, with the nearest known name. */
export function checkKnownOptions(where: string, options: unknown, name: string, known: readonly string[]): void {
  if (!isObject(options) || Array.isArray(options)) {
    throw vizError(where, `${name} must be an object, got ${describe(options)}.`, 'pass {} for the defaults');
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw vizError(where, `${name}.${key} is not an option.`, fixForUnknown(key, [], known));
  }
}

/** "write 'edgeLabels' ..." when a known name is near (a typo), else the list of known names. */
function fixForUnknown(key: string, also: readonly string[], names: readonly string[] = NAMES): string {
  const known = [...names, ...also];
  const nearest = known.map((k) => ({ k, d: leven(key.toLowerCase(), k.toLowerCase()) })).sort((a, b) => a.d - b.d)[0];
  if (nearest.d <= Math.max(2, Math.floor(key.length / 3))) return `write '${nearest.k}' (the nearest known name)`;
  return `known names: ${known.join(', ')}`;
}

function isObject(x: unknown): x is object {
  return typeof x === 'object' && x !== null;
}
