/**
 * Test helper: runs Graphviz's `dot` when it is installed (`apt-get install -y graphviz`), so DOT
 * output is checked by the real parser; tests using it are skipped, with a message, otherwise.
 */
import { execFileSync } from 'child_process';

export function hasGraphviz(): boolean {
  try {
    execFileSync('dot', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** `dot -T<format>` of `source`; throws with Graphviz's message on a syntax error. */
export function runDot(source: string, format = 'svg'): string {
  return execFileSync('dot', [`-T${format}`], { input: source, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}
