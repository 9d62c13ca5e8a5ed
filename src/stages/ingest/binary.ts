// Tells binary files from text before any decoding, so a stray PDF or image is skipped with a clear reason
// instead of being decoded into noise.

const SIGNATURES: { kind: string; bytes: number[] }[] = [
  { kind: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: 'gzip archive', bytes: [0x1f, 0x8b] },
  // Also .docx, .xlsx, .epub, .odt: all zip containers.
  { kind: 'zip archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'zip archive', bytes: [0x50, 0x4b, 0x05, 0x06] },
];

// Text never holds NUL; looking at the first 8 KB is what git and grep do too.
const NUL_WINDOW = 8192;

/** Names the binary kind of the bytes (magic number, or NUL bytes), or returns undefined for text. */
export function detectBinary(bytes: Uint8Array, checkNul = true): string | undefined {
  for (const { kind, bytes: magic } of SIGNATURES) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return kind;
  }
  if (checkNul && bytes.subarray(0, NUL_WINDOW).includes(0)) return 'NUL bytes';
  return undefined;
}
