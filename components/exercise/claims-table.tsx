import { Breakable } from '@/components/ui/breakable';
import { explainClaims, explainHeader } from '@/lib/exercise/claims';
import type { DecodedClaims } from '@/lib/exercise/token/access-token';

/**
 * The decoded access token: header and claims, each with a plain-language meaning. Two
 * columns at every width — the name, then the value with its meaning under it — so a value
 * has the row's whole width: squeezed into a third column on a phone, values broke into
 * 7-character fragments (issue 20). Values wrap where a reader would (Breakable), anywhere
 * only as the last resort.
 */
export function ClaimsTable({ claims, title = 'Inside your access token' }: { claims: DecodedClaims; title?: string }) {
  const sections = [
    { name: 'Header', rows: explainHeader(claims.header) },
    { name: 'Claims', rows: explainClaims(claims.payload, new Date()) },
  ];
  return (
    <section
      aria-label={title}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h3 className="text-lg font-semibold">{title}</h3>
      {sections.map((section) => (
        <table key={section.name} className="w-full text-left text-sm">
          <caption className="pb-2 text-left font-medium">{section.name}</caption>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              <th scope="col" className="py-2 pr-3">
                Name
              </th>
              <th scope="col" className="w-full py-2">
                Value and meaning
              </th>
            </tr>
          </thead>
          <tbody>
            {section.rows.map((row) => (
              <tr key={row.name} className="border-b border-slate-100 align-top dark:border-slate-800">
                <th scope="row" className="py-2 pr-3 font-mono font-normal whitespace-nowrap">
                  {row.name}
                </th>
                <td className="py-2">
                  <code className="block font-mono wrap-anywhere">
                    <Breakable text={row.value} />
                  </code>
                  <p className="mt-1 text-slate-700 dark:text-slate-300">{row.meaning}</p>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
