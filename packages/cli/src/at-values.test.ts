// parseAt: name=number lists.
import { parseAt } from './at-values';

describe('parseAt', () => {
  it('reads pairs across repeated flags, with spaces and exponents', () => {
    expect(parseAt(['x=3, y=-2', 'z=1e-3'])).toEqual({ x: 3, y: -2, z: 0.001 });
  });
  it('keeps names such as constructor as plain data', () => {
    const values = parseAt(['constructor=1']);
    expect(Object.keys(values)).toEqual(['constructor']);
  });
  it.each([['x'], ['x='], ['x=1,x=2'], ['1x=2'], ['x=Infinity'], ['x=0x']])('rejects %j', (flag) => {
    expect(() => parseAt([flag])).toThrow(/chainrule: --at/);
  });
});
