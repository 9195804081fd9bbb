// emptyScene: the starting point of the full and the grouped drawings.
import { emptyScene } from './svg-scene';

describe('emptyScene', () => {
  test('has no boxes, edges, notes, highlights or kinds, and no label width', () => {
    const scene = emptyScene();
    expect(scene.boxes).toEqual([]);
    expect(scene.edges).toEqual([]);
    expect(scene.notes).toEqual([]);
    expect(scene.labelWidth).toBe(0);
    expect([...scene.highlights]).toEqual([]);
    expect([...scene.kinds]).toEqual([]);
  });

  test('gives every drawing containers of its own', () => {
    const first = emptyScene();
    first.notes.push('grouped');
    first.highlights.add('step');
    first.kinds.add('leaf');
    const second = emptyScene();
    expect([second.notes, [...second.highlights], [...second.kinds]]).toEqual([[], [], []]);
  });
});
