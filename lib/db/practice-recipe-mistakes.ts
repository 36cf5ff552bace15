import type { DB } from './client';

/** Which shell recipe mistake explains an app's latest refused PKCE check or Basic header: a label, never a secret. */
export interface RecipeMistakeRow {
  clientId: string;
  kind: 'pkce' | 'basic';
  /** A label of lib/exercise/shell-mistakes (see PracticeRecipeMistakesTable). */
  label: string;
  /** SHA-256 (hex) of the refused code (PKCE), as the exercise fingerprints it. */
  codeFingerprint: string | null;
  /** Epoch seconds. */
  recordedAt: number;
}

/** Records an app's latest refusal of a kind, replacing the one before (called by the practice server). */
export async function recordRecipeMistake(db: DB, row: RecipeMistakeRow): Promise<void> {
  const values = { label: row.label, code_fingerprint: row.codeFingerprint, recorded_at: row.recordedAt };
  await db
    .insertInto('practice_recipe_mistakes')
    .values({ client_id: row.clientId, kind: row.kind, ...values })
    .onConflict((oc) => oc.columns(['client_id', 'kind']).doUpdateSet(values))
    .execute();
}

/** An app's latest recorded refusal of a kind, or null. */
export async function findRecipeMistake(db: DB, clientId: string, kind: RecipeMistakeRow['kind']): Promise<RecipeMistakeRow | null> {
  const row = await db
    .selectFrom('practice_recipe_mistakes')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row
    ? {
        clientId: row.client_id,
        kind: row.kind,
        label: row.label,
        codeFingerprint: row.code_fingerprint,
        recordedAt: Number(row.recorded_at),
      }
    : null;
}
