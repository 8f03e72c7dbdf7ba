/**
 * Request bodies are small on every route (a name, create/join options): a
 * few KB is plenty. A declared length over the limit is refused before a
 * byte is read; a body without one (chunked) is counted while it streams by
 * the JSON parser (body-parser's raw-body) and cut off at the limit.
 */
import express from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ErrorCode } from '@deckhand/protocol';

export const BODY_LIMIT_BYTES = 4 * 1024;

const TOO_LARGE = `Request bodies are limited to ${BODY_LIMIT_BYTES / 1024} KB.`;

/**
 * The JSON answer for a refused request. `error` repeats the sentence because
 * colyseus.js shows `error` of a failed matchmaking request.
 */
export function refusal(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ code, message, error: message });
}

/** Refuses, on any route, a request that announces a body over the limit. */
export function refuseLargeBodies(): RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > BODY_LIMIT_BYTES) {
      // Close the connection rather than drain megabytes nobody will read.
      res.set('Connection', 'close');
      refusal(res, 413, ErrorCode.BodyTooLarge, TOO_LARGE);
      return;
    }
    next();
  };
}

/** Parses a JSON body of any content type, up to the limit. */
export function jsonBody(): RequestHandler {
  return express.json({ limit: BODY_LIMIT_BYTES, type: () => true });
}

/** Answers body-parser's errors (too large, bad JSON) in words rather than an HTML stack trace. */
export function bodyErrors() {
  return (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!error) {
      next();
      return;
    }
    const type = typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
    if (type === 'entity.too.large') {
      res.set('Connection', 'close');
      refusal(res, 413, ErrorCode.BodyTooLarge, TOO_LARGE);
      return;
    }
    refusal(res, 400, ErrorCode.BadMessage, 'The request body is not valid JSON.');
  };
}
