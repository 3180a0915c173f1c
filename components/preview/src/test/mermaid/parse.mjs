// Parses every Mermaid diagram in the given files with Mermaid's own parser: each ```mermaid block
// of a Markdown file, or the whole file when it has none. Exits 1, naming the file and the parse
// error, when any diagram does not parse. Run after `npm ci` in a copy of this folder.
import { JSDOM } from 'jsdom';
import fs from 'node:fs';

// Mermaid sanitises labels with DOMPurify, which needs a browser's globals (window, Element, ...).
const dom = new JSDOM('<!doctype html><html><body></body></html>');
for (const key of Object.getOwnPropertyNames(dom.window)) {
  if (!(key in globalThis)) {
    try { globalThis[key] = dom.window[key]; } catch { /* a read-only global Node already has */ }
  }
}
globalThis.window = dom.window;
const mermaid = (await import('mermaid')).default;

let failed = 0;
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  const blocks = [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map(match => match[1]);
  for (const diagram of blocks.length ? blocks : [text]) {
    try {
      await mermaid.parse(diagram);
    } catch (error) {
      failed++;
      console.error(file + ': ' + (error.message || error));
    }
  }
}
process.exit(failed ? 1 : 0);
