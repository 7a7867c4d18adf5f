/**
 * A model file's bytes, fetched without three.js: the fetch starts as soon as the app's start runs,
 * while the 3D code is still on its way; the model reader's worker (model-reader.ts) then reads them.
 */

/** A model file that arrived but cannot be used (missing, cut short, or not a model at all). */
export function damaged(url: string, why: string, cause?: unknown): Error {
  return new Error(`The model ${url} is damaged: ${why}`, cause === undefined ? undefined : { cause });
}

/**
 * Fetches a model file, reporting the fraction received while it comes (when the server says its
 * size). Rejects with a "damaged" error when the file is missing or the connection breaks.
 */
export async function fetchModel(url: string, onProgress?: (fraction: number) => void): Promise<ArrayBuffer> {
  const response = await fetch(url).catch((error: unknown) => {
    throw damaged(url, error instanceof Error ? error.message : 'unreachable', error);
  });
  if (!response.ok) throw damaged(url, `fetch responded with ${response.status}`);
  const total = Number(response.headers.get('Content-Length'));
  if (!response.body || !onProgress || !(total > 0)) return response.arrayBuffer();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.byteLength;
      onProgress(Math.min(1, loaded / total));
    }
  } catch (error) {
    throw damaged(url, error instanceof Error ? error.message : 'cut short', error);
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes.buffer;
}
