import { clsx, type ClassValue } from 'clsx';

/** Joins conditional class names (the one helper for it). */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
