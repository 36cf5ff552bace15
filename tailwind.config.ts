import type { Config } from 'tailwindcss';

// Tailwind 4 reads its theme from CSS; this file is loaded by `@config` in
// app/globals.css and holds the few project-wide design tokens.
const config: Config = {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  theme: {
    extend: {
      maxWidth: { prose: '68ch' },
    },
  },
};

export default config;
