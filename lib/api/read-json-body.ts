import "server-only";

/** 5,000 events of a few hundred bytes each fit with room to spare; more is not a batch, it is a mistake. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${Math.round(limit / 1024 / 1024)} MiB`);
  }
}

export class InvalidJsonError extends Error {
  constructor(cause: Error) {
    super(`The body is not valid JSON: ${cause.message}`);
  }
}

/**
 * Reads a request body as JSON, refusing it as soon as it grows past `limit` bytes (so an
 * over-size upload is not buffered whole) and naming what is wrong with JSON that is not JSON.
 * An empty body is `undefined`, for endpoints whose body is optional.
 */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > limit) throw new BodyTooLargeError(limit);
  if (!request.body) return undefined;

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidJsonError(error as Error);
  }
}
