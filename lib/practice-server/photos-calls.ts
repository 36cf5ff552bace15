/**
 * The photos API's request path with its record: the answer of ./photos-api.ts, and the
 * call recorded for the `api-call` check when its token names a practice app. A call
 * whose token names none is answered and forgotten: nothing a caller sends makes a row
 * by itself (lib/db/practice-api-calls.ts).
 */
import type { JWTVerifyGetKey } from 'jose';
import type { DB } from '../db/client';
import { recordApiCall } from '../db/practice-api-calls';
import { getLogger } from '../logging/logger';
import { answerPhotosRequest, type PhotosAnswer, type PhotosRequest } from './photos-api';

/** Answers a call to the photos API and records what it observed (one INSERT … SELECT and its trim). */
export async function answerAndRecordPhotosRequest(
  db: DB,
  request: PhotosRequest,
  context: { issuer: string; getKey: JWTVerifyGetKey; now?: Date },
): Promise<PhotosAnswer> {
  const answer = await answerPhotosRequest(request, context);
  const { observation } = answer;
  if (observation.clientId === null) return answer;
  try {
    await recordApiCall(db, {
      clientId: observation.clientId,
      tokenJti: observation.tokenJti,
      status: answer.status,
      outcome: observation.outcome,
      sentVia: observation.sentVia,
      scopes: observation.scopes,
      calledAt: Math.floor((context.now ?? new Date()).getTime() / 1000),
    });
  } catch (error) {
    // The record serves the exercise; the API answers whether or not it could be written
    // (e.g. the app was deleted between the lookup and the insert).
    getLogger().warn({ err: error, outcome: observation.outcome }, 'recording a practice API call failed');
  }
  return answer;
}
