import { useLayoutEffect, useSyncExternalStore, type RefObject } from 'react';

/**
 * Adopts what a learner typed into a form before the page hydrated (a slow phone, a paste
 * made as soon as the field appeared). React hydrates a controlled field without touching the
 * text already in it, but its state is still the initial value: the first re-render would
 * wipe the text, and a submit would send the initial value. Once, right after hydration and
 * before anything re-renders, the fields' text becomes the state (`adopt` gets every field
 * of `state` by name; a name missing from the form keeps its value).
 */
export function useTypedBeforeHydration(
  form: RefObject<HTMLFormElement | null>,
  state: Record<string, string>,
  adopt: (typed: Record<string, string>) => void,
) {
  useLayoutEffect(() => {
    if (!form.current) return;
    const data = new FormData(form.current);
    const typed = Object.fromEntries(
      Object.entries(state).map(([name, value]) => {
        const text = data.get(name);
        return [name, typeof text === 'string' ? text : value];
      }),
    );
    if (Object.keys(state).some((name) => typed[name] !== state[name])) adopt(typed);
    // Only the first render's fields: later typing reaches the state through onChange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

const noSubscription = () => () => {};

/**
 * False in the server's HTML and while the page hydrates, true once React runs it. A form's
 * submit button stays disabled until then: submitted natively, a form with named fields and
 * no method would put what was typed (a token response, a secret, a password) in the
 * address, the browser's history and a proxy's access log.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
