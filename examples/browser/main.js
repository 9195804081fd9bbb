/* global document, DOMParser */
// The article's perceptron with the chainrule ESM bundle: build C = (i*w - y)^2, run backward,
// draw the graph with renderSvg, and take gradient-descent steps (w: 0.8 -> 0.59 -> 0.4745 -> ... -> 1/3).
import { Value, renderSvg } from '../../packages/viz/dist/browser/chainrule.mjs';

const i = 1.5;
const y = 0.5;
const lr = 0.1;
const slider = document.getElementById('w');

function draw(wData) {
  const w = new Value(wData, 'w');
  const a = new Value(i, 'i').mul(w);
  a.label = 'a';
  const C = a.sub(new Value(y, 'y')).pow(2);
  C.label = 'C';
  C.backward();
  document.getElementById('w-value').textContent = wData.toFixed(6);
  document.getElementById('cost').textContent = C.data.toFixed(6);
  document.getElementById('grad').textContent = w.grad.toFixed(6);
  // renderSvg escapes every label; parse it as XML and insert the element (no innerHTML).
  const svg = new DOMParser().parseFromString(renderSvg(C), 'image/svg+xml').documentElement;
  document.getElementById('graph').replaceChildren(document.importNode(svg, true));
  return w.grad;
}

slider.addEventListener('input', () => draw(Number(slider.value)));
document.getElementById('step').addEventListener('click', () => {
  const w = Number(slider.value);
  const next = w - lr * draw(w);
  slider.value = String(next);
  draw(next);
});
document.getElementById('reset').addEventListener('click', () => {
  slider.value = '0.8';
  draw(0.8);
});
draw(Number(slider.value));
