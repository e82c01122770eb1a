import "server-only";

/** 5,000 events of a few hundred bytes each fit with room to spare; more is not a batch, it is a mistake. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${Math.round(limit / 1024 / 1024)} MiB`);
  }
}

export class InvalidJsonError extends Error {
  constructor(reason: string) {
    super(`The body is not valid JSON: ${reason}`);
  }
}

export class UnsupportedMediaTypeError extends Error {
  constructor(contentType: string | null) {
    super(
      `Send the body as JSON (Content-Type: application/json), not ${contentType ? `"${contentType}"` : "without a Content-Type"}`,
    );
  }
}

/** application/json, with or without parameters (charset=utf-8), or a +json type. */
const JSON_MEDIA_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/**
 * Reads a request body as JSON, refusing it as soon as it grows past `limit` bytes (so an
 * over-size upload is not buffered whole), a body sent as another media type (415), and naming
 * what is wrong with JSON that is not JSON or not UTF-8. An empty body is `undefined`, for
 * endpoints whose body is optional.
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
  if (size === 0) return undefined;
  const contentType = request.headers.get("content-type");
  if (!JSON_MEDIA_TYPE.test(contentType ?? "")) throw new UnsupportedMediaTypeError(contentType);
  let text: string;
  try {
    // Invalid UTF-8 is refused, not silently replaced by U+FFFD and stored.
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new InvalidJsonError("it is not valid UTF-8");
  }
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidJsonError((error as Error).message);
  }
}
