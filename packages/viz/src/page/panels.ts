/**
 * The explorer page's side panels as DOM: the "this step" panel and the node details panel. Every
 * string is set as textContent, never parsed as markup.
 */
import type { Explanation } from './explain-node';
import type { StepDescription } from './describe-step';

const HINT = 'Hover over or click a node to see its value, its gradient and the chain rule for it.';

/** Fills `panel` with a step description and the caller's caption, if any. */
export function fillStepPanel(panel: HTMLElement, description: StepDescription, caption: string | null): void {
  const list = document.createElement('div');
  appendAll(list, lines(description.sends, 'send'));
  panel.replaceChildren();
  appendAll(panel, lines(description.lines));
  panel.append(list);
  if (description.done) appendAll(panel, lines(['Done: every gradient is computed.']));
  if (caption) panel.append(element('p', caption, 'caption'));
}

/** Fills `panel` with a node's explanation, or a hint when no node is chosen. */
export function fillDetails(panel: HTMLElement, explanation: Explanation | undefined): void {
  if (!explanation) {
    panel.replaceChildren(element('div', HINT, 'hint'));
    return;
  }
  const title = element('h3', explanation.title);
  title.append(' ', element('span', explanation.kind, 'kind'));
  const facts = document.createElement('dl');
  for (const [name, value] of explanation.facts) {
    const dd = element('dd', value);
    dd.dataset.fact = name;
    facts.append(element('dt', name), dd);
  }
  const chain = document.createElement('div');
  chain.id = 'chain';
  appendAll(chain, lines(explanation.chain, 'formula'));
  panel.replaceChildren(title, facts, chain);
  if (explanation.note) panel.append(element('p', explanation.note, 'note'));
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  created.textContent = text;
  if (className) created.className = className;
  return created;
}

function lines(texts: string[], className?: string): HTMLDivElement[] {
  return texts.map((text) => element('div', text, className));
}

/** Appends one by one: a spread into append() would overflow the stack on a node with many inputs. */
function appendAll(parent: HTMLElement, children: readonly HTMLElement[]): void {
  for (const child of children) parent.append(child);
}
