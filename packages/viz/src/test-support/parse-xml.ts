/**
 * Test helper: parses XML with @xmldom/xmldom and throws on any error or fatal error (warnings such
 * as "replacement character detected" are allowed), so a test fails on output that is not well-formed.
 */
import { DOMParser } from '@xmldom/xmldom';

export function parseXmlStrict(text: string, mimeType = 'application/xml'): Document {
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`XML ${level}: ${message}`);
    },
  });
  return parser.parseFromString(text, mimeType) as unknown as Document;
}
