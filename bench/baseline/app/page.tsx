/** The bare page the step pages are compared with: no client components of its own. */
export default function Home() {
  return (
    <main>
      <h1>Baseline</h1>
      <p>A bare Next.js App Router page, built with the same next and react as OAuth Lab.</p>
    </main>
  );
}
