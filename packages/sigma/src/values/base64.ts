const START_OFFSETS = [0, 2, 3] as const;
const END_OFFSETS = [undefined, -3, -2] as const;

/** `|base64`: the value's UTF-8 bytes, Base64-encoded. */
export function base64(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64');
}

/**
 * `|base64offset`: the three Base64 forms the value takes inside a longer
 * encoded text, depending on its byte offset modulo 3, each cut to the
 * characters that do not depend on the neighbouring bytes (as the reference
 * implementation, pySigma, computes them).
 */
export function base64Offsets(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const forms: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift, 0x20), bytes]).toString('base64');
    const end = END_OFFSETS[(bytes.length + shift) % 3];
    forms.push(encoded.slice(START_OFFSETS[shift], end));
  }
  return forms;
}
