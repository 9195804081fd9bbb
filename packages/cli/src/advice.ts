/**
 * forCommandLine: a library error whose advice names an API option ("pass { maxValues: 41 }") told
 * in the command line's terms, since a user of `chainrule` cannot pass options objects.
 */

/**
 * `message` with its API advice replaced: `--group auto` where grouping helps, else the ways out
 * the command line has (a smaller formula, or .json, which takes graphs of any size).
 */
export function forCommandLine(message: string): string {
  const cut = message.search(/\. [^.]*\{ ?[a-zA-Z]+[:} ]/);
  if (cut < 0) return message;
  const head = message.slice(0, cut + 1);
  const rest = message.slice(cut);
  if (rest.includes("group: 'auto'")) return `${head} Use --group auto to draw it grouped, or draw a smaller formula.`;
  return `${head} The command line has no flag to raise this limit: draw a smaller formula, or write .json, which takes graphs of any size.`;
}
