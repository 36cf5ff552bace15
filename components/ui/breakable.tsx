import { Fragment } from 'react';

/** After these characters a URL, an address or a scope list may wrap; never between the two slashes of "//". */
const BREAK_AFTER = /(?<=[/.?&=@_:-])(?!\/)/;

/**
 * Long text without spaces (a URL, an issuer, a claim value) that a narrow screen may wrap
 * after "/", ".", "?", "&", "=", "@", "_", ":" or "-" (`<wbr>`), as a reader would break it,
 * rather than mid-word. Give the element around it `wrap-anywhere` for the last resort: a
 * run with none of these characters (a random token) still wraps instead of overflowing.
 * Issue 20: the issuer in the setup step's banner broke as "oauth2/defau-lt" on a phone.
 */
export function Breakable({ text }: { text: string }) {
  return text.split(BREAK_AFTER).map((part, index) => (
    <Fragment key={index}>
      {index > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}
