/**
 * The size limits @chainrule/expr enforces before handing a string to the parser, so hostile or
 * accidental input (a megabyte of text, thousands of nested parentheses) fails fast and cleanly.
 */

/** Longest accepted source, in characters (64 KiB). Longer input is rejected before parsing. */
export const MAX_SOURCE_LENGTH = 65_536;

/** Deepest accepted nesting of parentheses (and function calls), checked before parsing. */
export const MAX_NESTING_DEPTH = 200;

/** Largest formula (in parse-tree nodes) that symbolicDerivative simplifies; simplify is costly. */
export const MAX_SYMBOLIC_NODES = 2_000;
