/**
 * The bare JSON route the check API is compared with: it reads the same JSON body the
 * token-response check gets and answers a small JSON object, nothing else.
 */
export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  const body: unknown = await request.json();
  return Response.json({ ok: true, type: typeof body });
}
