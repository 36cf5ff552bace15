/**
 * Status marks as inline SVG, never as text glyphs. The tick, cross, star and triangle
 * characters (U+2713, U+2717, U+2605, U+25B8) are not in the usual sans and mono fonts
 * (Liberation, Arial, Roboto), so one such glyph sends the browser through its font
 * fallback on the first layout: on the bench machine that search and the fallback font's
 * load cost 20–30 ms of main thread per page, 4× that on a phone's CPU (decision 010;
 * tests/ui-glyphs.test.ts keeps such characters out). The marks are decorative — the words
 * beside them say the same — so each is hidden from assistive technology. They take the
 * text colour and scale with the font size.
 */
import { cn } from '@/components/ui/cn';

type IconProps = { className?: string };

function Icon({ className, children }: IconProps & { children: React.ReactNode }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      className={cn('inline-block size-[1em] shrink-0 align-[-0.125em]', className)}
    >
      {children}
    </svg>
  );
}

/** A tick: passed, done, enabled. */
export function CheckIcon({ className }: IconProps) {
  return (
    <Icon className={className}>
      <path d="M3 8.5l3.2 3.2L13 4.8" />
    </Icon>
  );
}

/** A cross: failed. */
export function CrossIcon({ className }: IconProps) {
  return (
    <Icon className={className}>
      <path d="M4 4l8 8M12 4l-8 8" />
    </Icon>
  );
}

/** A star: the results page. */
export function StarIcon({ className }: IconProps) {
  return (
    <Icon className={className}>
      <path d="M8 1.8l1.9 3.9 4.3.6-3.1 3 .7 4.3L8 11.6l-3.8 2 .7-4.3-3.1-3 4.3-.6z" fill="currentColor" strokeWidth={1} />
    </Icon>
  );
}

/** A small right-pointing triangle: a disclosure that is closed (rotate it when open). */
export function DisclosureIcon({ className }: IconProps) {
  return (
    <Icon className={className}>
      <path d="M6 4l5 4-5 4z" fill="currentColor" strokeWidth={1} />
    </Icon>
  );
}
