import type { Metadata } from 'next';

export const metadata: Metadata = {
  title: 'Baseline',
  description: 'A bare Next.js App Router page: the reference point for the OAuth Lab bench.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
