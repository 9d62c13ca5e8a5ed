// Text normalisation done once in ingest, so every later offset points into the final text.
import { message } from '../../messages.ts';
import type { Message } from '../../types.ts';

// Whitespace that wink splits on but does not rebuild (see shared/notes/wink-nlp.md): it would shift every later
// offset, so it becomes a plain space. NBSP is kept as a space too: news text uses it inside names and numbers.
const ODD_SPACES = /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]/g;
const LINE_SEPARATORS = /\r\n?|[\u2028\u2029\u0085]/g;
// C0/C1 controls other than newline and tab carry no text.
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
// Zero-width characters that break tokens inside words.
const ZERO_WIDTH = /[\u200b-\u200d\u2060\u00ad]/g;

/** NFC, one kind of line end, odd spaces to plain spaces, trailing spaces and runs of blank lines collapsed. */
export function normalizeText(input: string): { text: string; messages: Message[] } {
  const messages: Message[] = [];
  let text = input.normalize('NFC').replace(LINE_SEPARATORS, '\n');
  let controls = 0;
  text = text.replace(CONTROLS, () => {
    controls++;
    return '';
  });
  if (controls > 0) messages.push(message('ingest/control-chars', 'ingest', { count: controls }));
  text = text.replace(ZERO_WIDTH, '').replace(ODD_SPACES, ' ');
  // Trim each line and collapse runs of spaces: layout, not content.
  const lines = text.split('\n').map((l) => l.replace(/ {2,}/g, ' ').trim());
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return { text: out.join('\n'), messages };
}
