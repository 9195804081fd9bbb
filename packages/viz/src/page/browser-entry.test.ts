import * as core from '@chainrule/core';
import * as viz from '../index';
import * as browser from './browser-entry';

/** Node-only exports of the viz barrel, deliberately left out of the browser bundle. */
const NODE_ONLY = ['renderHtml', 'writeSteps', 'renderPng', 'MAX_PNG_PIXELS'];

describe('browser bundle entry', () => {
  it('exports everything of core and of the viz barrel except the Node-only functions', () => {
    const missing = [...Object.keys(core), ...Object.keys(viz)].filter(
      (name) => !(name in browser) && !NODE_ONLY.includes(name),
    );
    expect(missing).toEqual([]);
    for (const name of NODE_ONLY) expect(name in browser).toBe(false);
  });
});
