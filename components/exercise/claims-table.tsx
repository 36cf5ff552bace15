import { explainClaims, explainHeader } from '@/lib/exercise/claims';
import type { DecodedClaims } from '@/lib/exercise/token/access-token';

/** The decoded access token: header and claims, each with a plain-language meaning. */
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
        // Focusable so keyboard users can scroll a table wider than a phone screen.
        <div key={section.name} className="overflow-x-auto" tabIndex={0} role="region" aria-label={`${title}: ${section.name}`}>
          <table className="w-full text-left text-sm sm:min-w-[32rem]">
            <caption className="pb-2 text-left font-medium">{section.name}</caption>
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-700">
                <th scope="col" className="py-2 pr-3">
                  Name
                </th>
                <th scope="col" className="py-2 pr-3">
                  Value
                </th>
                <th scope="col" className="py-2">
                  Meaning
                </th>
              </tr>
            </thead>
            <tbody>
              {section.rows.map((row) => (
                <tr key={row.name} className="border-b border-slate-100 align-top dark:border-slate-800">
                  <th scope="row" className="py-2 pr-3 font-mono font-normal">
                    {row.name}
                  </th>
                  <td className="max-w-[16rem] py-2 pr-3 font-mono break-all">{row.value}</td>
                  <td className="py-2 text-slate-700 dark:text-slate-300">{row.meaning}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
