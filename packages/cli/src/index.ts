/**
 * @chainrule/cli: the `chainrule` command (grad, viz, check, train, demo), also callable from code.
 */
export { main } from './main';
export type { Io } from './main';
export { parseAt } from './at-values';
export { CliError, EXIT } from './cli-error';
