/**
 * Escaping for every string written into SVG and XML (plots, GEXF, GraphML): the five markup
 * characters become entities and characters XML 1.0 cannot carry (control characters, lone
 * surrogates, U+FFFE/U+FFFF) become U+FFFD, so any label yields well-formed output.
 */

// Everything outside XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex -- finding control characters is this regex's job
  /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Tab, line feed and carriage return as references too: parsers turn them into spaces in attributes
// and a bare \r into \n in text, so only references keep them exactly. NEL (U+0085) and LINE
// SEPARATOR (U+2028) are line ends in XML 1.1, and some parsers (xmldom) turn them into \n even in
// 1.0 documents; a reference keeps them too.
const MARKUP = /[&<>"'\t\n\r\u0085\u2028]/g;
const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\u0085': '&#133;',
  '\u2028': '&#8232;',
};

/** `text` with characters XML cannot hold replaced by U+FFFD (no escaping of markup). */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD');
}

/**
 * `text` safe inside XML element content and in single- or double-quoted attributes, read back
 * exactly (tabs and line breaks included) by any XML parser.
 * @example
 * escapeXml('<script>"x"</script>'); // '&lt;script&gt;&quot;x&quot;&lt;/script&gt;'
 */
export function escapeXml(text: string): string {
  return xmlSafe(String(text)).replace(MARKUP, (c) => ENTITY[c]);
}
