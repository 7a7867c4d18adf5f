import { create } from 'qrcode';

/** Modules of quiet zone round a QR code, as the standard asks. */
export const QR_QUIET = 4;

/**
 * A QR code for `text` as one SVG path (a unit square per dark module, offset by the quiet zone)
 * and its side in modules: drawn by React, no markup from elsewhere injected.
 */
export function qrPath(text: string): { d: string; size: number } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  let d = '';
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++)
      if (modules.get(r, c)) d += `M${c + QR_QUIET} ${r + QR_QUIET}h1v1h-1z`;
  return { d, size: modules.size + 2 * QR_QUIET };
}
